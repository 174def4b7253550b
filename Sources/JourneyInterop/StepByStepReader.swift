import JourneyRDF

/// Reads a GOV.UK content item's JSON into a ``StepByStep``, refusing anything that is not a step-by-step
/// navigation with steps, and noting what it skips.
struct StepByStepReader {
    static let navPath = "details.step_by_step_nav"
    /// GOV.UK's longest step-by-step navigations have a few dozen steps; far more is not one.
    static let maximumSteps = 300

    let file: String
    private(set) var warnings: [ImportWarning] = []

    init(file: String) { self.file = file }

    private func refuse(_ path: String?, _ message: String, hint: String? = nil, code: ImportError.Code = .notStepByStep) -> ImportError {
        ImportError(code, file: file, path: path, message: message, hint: hint)
    }

    static let exampleHint = "save the content item of a step-by-step page, such as https://www.gov.uk/api/content/learn-to-drive-a-car"

    mutating func read(_ root: JSONValue) throws(ImportError) -> StepByStep {
        guard root.isObject else {
            throw refuse(nil, "the file holds \(root.kindDescription), not a GOV.UK content item", hint: Self.exampleHint)
        }
        guard let nav = root["details"]?["step_by_step_nav"] else {
            let type = root["document_type"]?.string ?? root["schema_name"]?.string
            let message = type.map { "this is a GOV.UK '\(HTMLText.line($0))' content item, not a step-by-step navigation" }
                ?? "this is not a GOV.UK step-by-step navigation: it has no \(Self.navPath)"
            throw refuse(nil, message, hint: Self.exampleHint)
        }
        guard nav.isObject else { throw refuse(Self.navPath, "expected an object, found \(nav.kindDescription)", hint: Self.exampleHint) }
        let stepsPath = "\(Self.navPath).steps"
        guard let rawSteps = nav["steps"] else {
            throw refuse(stepsPath, "the step-by-step navigation has no steps", hint: "check that the whole content item was saved")
        }
        guard let items = rawSteps.array else { throw refuse(stepsPath, "expected a list of steps, found \(rawSteps.kindDescription)") }
        guard !items.isEmpty else {
            throw refuse(stepsPath, "the step-by-step navigation has no steps", hint: "a navigation without steps has nothing to guide through; check that the whole content item was saved")
        }
        guard items.count <= Self.maximumSteps else {
            throw refuse(stepsPath, "the navigation has \(items.count) steps; Lotsen imports at most \(Self.maximumSteps)", hint: "split it into several journeys")
        }
        var steps: [Step] = []
        for (offset, item) in items.enumerated() { steps.append(try step(item, "\(stepsPath)[\(offset)]")) }

        let title = [nav["title"], root["title"]].lazy.compactMap { $0?.string }.map(HTMLText.line).first { !$0.isEmpty }
        guard let title else { throw refuse("\(Self.navPath).title", "the step-by-step navigation has no title") }
        return StepByStep(
            title: title, introduction: introduction(nav["introduction"]), description: root["description"]?.string.map(HTMLText.plain) ?? "",
            locale: root["locale"]?.string, basePath: root["base_path"]?.string, steps: steps)
    }

    typealias Step = StepByStep.Step

    /// The introduction is HTML in the content store, or a list of parts (`text/html`, `text/govspeak`) from the publisher.
    private func introduction(_ value: JSONValue?) -> String {
        if let html = value?.string { return HTMLText.plain(html) }
        let parts = value?.array ?? []
        let html = parts.first { $0["content_type"]?.string == "text/html" } ?? parts.first
        return html?["content"]?.string.map(HTMLText.plain) ?? ""
    }

    private mutating func step(_ value: JSONValue, _ path: String) throws(ImportError) -> Step {
        guard value.isObject else { throw refuse(path, "expected a step as an object, found \(value.kindDescription)") }
        let title = value["title"]?.string.map(HTMLText.line) ?? ""
        guard !title.isEmpty else { throw refuse("\(path).title", "the step has no title", hint: "every GOV.UK step has one; check the file") }
        var logic = StepByStep.Logic.numbered
        if let raw = value["logic"], raw != .null {
            switch raw.string {
            case "and": logic = .and
            case "or": logic = .or
            default: warnings.append(ImportWarning(path: "\(path).logic", message: "unknown logic \(describe(raw)); read as a numbered step"))
            }
        }
        var blocks: [StepByStep.Block] = []
        if let contents = value["contents"], contents != .null {
            guard let items = contents.array else { throw refuse("\(path).contents", "expected a list, found \(contents.kindDescription)") }
            blocks = try self.blocks(items, "\(path).contents", forceOptional: false)
        }
        return Step(title: title, logic: logic, optional: value["optional"]?.bool ?? false, blocks: blocks, path: path)
    }

    private mutating func blocks(_ items: [JSONValue], _ path: String, forceOptional: Bool) throws(ImportError) -> [StepByStep.Block] {
        var blocks: [StepByStep.Block] = []
        for (offset, item) in items.enumerated() {
            let itemPath = "\(path)[\(offset)]"
            guard item.isObject else { throw refuse(itemPath, "expected an object, found \(item.kindDescription)") }
            switch item["type"]?.string {
            case "paragraph", "heading":
                let text = item["text"]?.string.map(HTMLText.plain) ?? ""
                if text.isEmpty { warnings.append(ImportWarning(path: itemPath, message: "an empty paragraph was skipped")) } else { blocks.append(.paragraph(text)) }
            case "list":
                var style = StepByStep.ListStyle.required
                if let raw = item["style"], raw != .null {
                    if let known = raw.string.flatMap(StepByStep.ListStyle.init(rawValue:)) { style = known } else {
                        warnings.append(ImportWarning(path: "\(itemPath).style", message: "unknown list style \(describe(raw)); read as required"))
                    }
                }
                if forceOptional { style = .optional }
                guard let entries = item["contents"]?.array else { throw refuse("\(itemPath).contents", "a list needs its items as a list") }
                blocks.append(.list(style, try listItems(entries, "\(itemPath).contents")))
            case "substep":
                // GOV.UK's component nests parts of a step; an optional one makes its lists optional.
                let optional = forceOptional || (item["optional"]?.bool ?? false)
                blocks += try self.blocks(item["contents"]?.array ?? [], "\(itemPath).contents", forceOptional: optional)
            default:
                warnings.append(ImportWarning(path: "\(itemPath).type", message: "unknown content type \(item["type"].map(describe) ?? "(none)") was skipped"))
            }
        }
        return blocks
    }

    private mutating func listItems(_ entries: [JSONValue], _ path: String) throws(ImportError) -> [StepByStep.Item] {
        var items: [StepByStep.Item] = []
        for (offset, entry) in entries.enumerated() {
            let itemPath = "\(path)[\(offset)]"
            guard entry.isObject else { throw refuse(itemPath, "expected a list item as an object, found \(entry.kindDescription)") }
            let href = entry["href"]?.string
            var text = entry["text"]?.string.map(HTMLText.line) ?? ""
            if text.isEmpty {
                guard let href else {
                    warnings.append(ImportWarning(path: itemPath, message: "a list item with neither text nor link was skipped"))
                    continue
                }
                warnings.append(ImportWarning(path: "\(itemPath).text", message: "the link has no text; its address is used"))
                text = href
            }
            let context = entry["context"]?.string.map(HTMLText.line).flatMap { $0.isEmpty ? nil : $0 }
            items.append(StepByStep.Item(text: text, href: href, context: context, path: itemPath))
        }
        return items
    }

    /// A value for a message: short text quoted, anything else by kind.
    private func describe(_ value: JSONValue) -> String {
        guard let text = value.string else { return value.kindDescription }
        let line = HTMLText.line(text)
        return "'\(line.count > 40 ? line.prefix(40) + "…" : line)'"
    }
}
