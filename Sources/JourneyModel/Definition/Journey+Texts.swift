/// Every user-facing text of a journey, for asking whether it is translated.
extension Journey {
    /// The journey's texts: title, summary, facts' labels, questions, help and options, steps' titles, summaries,
    /// costs and links.
    public var localizedTexts: [LocalizedText] {
        var texts = [title, summary]
        for fact in facts {
            texts += [fact.label, fact.ask, fact.help].compactMap { $0 }
            texts += fact.type.options.map(\.label)
        }
        for step in steps {
            texts += [step.title, step.summary, step.cost].compactMap { $0 }
            texts += step.links.flatMap { [$0.title, $0.cost].compactMap { $0 } }
        }
        return texts
    }
}

extension Agency {
    /// The agency's name and its services' titles.
    public var localizedTexts: [LocalizedText] { [name] + services.map(\.title) }
}
