/// A GOV.UK step-by-step navigation as read from a content item (`details.step_by_step_nav`), its texts already
/// plain. Each part remembers its JSON path, so warnings say where.
struct StepByStep {
    enum Logic {
        /// A numbered step: after the ones before it.
        case numbered
        /// Done at the same time as the step before ("and").
        case and
        /// An alternative to the step before ("or").
        case or
    }

    enum ListStyle: String {
        case required
        case optional
        case choice
    }

    struct Item {
        let text: String
        let href: String?
        let context: String?
        let path: String
    }

    enum Block {
        case paragraph(String)
        case list(ListStyle, [Item])
    }

    struct Step {
        let title: String
        let logic: Logic
        let optional: Bool
        let blocks: [Block]
        let path: String
    }

    let title: String
    let introduction: String
    let description: String
    let locale: String?
    let basePath: String?
    let steps: [Step]
}
