/// The life event a journey serves, after the life and business events of the EU Single Digital Gateway
/// (Regulation (EU) 2018/1724, Annex II) as used by CPSV-AP's `lifeEvent` / `businessEvent`.
public enum LifeEvent: String, CaseIterable, Sendable, Codable {
    case residence
    case startingBusiness
    case work
    case study
    case familyChild
    case health
    case retirement
    case endOfLife
    case closingBusiness

    /// Whether the event concerns a business rather than a person (CPSV-AP `businessEvent`).
    public var isBusinessEvent: Bool { self == .startingBusiness || self == .closingBusiness }

    public var title: LocalizedText {
        switch self {
        case .residence: LocalizedText(sv: "Flytta och bo", en: "Moving and residence")
        case .startingBusiness: LocalizedText(sv: "Starta företag", en: "Starting a business")
        case .work: LocalizedText(sv: "Arbete", en: "Work")
        case .study: LocalizedText(sv: "Studier", en: "Studies")
        case .familyChild: LocalizedText(sv: "Få barn", en: "Having a child")
        case .health: LocalizedText(sv: "Hälsa och vård", en: "Health and care")
        case .retirement: LocalizedText(sv: "Pension", en: "Retirement")
        case .endOfLife: LocalizedText(sv: "När någon dör", en: "When someone dies")
        case .closingBusiness: LocalizedText(sv: "Avveckla företag", en: "Closing a business")
        }
    }
}
