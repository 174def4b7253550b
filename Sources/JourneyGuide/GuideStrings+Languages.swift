import JourneyModel

/// Journey texts in the reader's language, and what the guide says about translations, in that language: these few
/// sentences are written per language, while the rest of the guide's own words are Swedish or English.
extension GuideStrings {
    /// A journey or agency text in the reader's language; one without a translation shows in English, marked.
    func text(_ text: LocalizedText) -> String {
        let resolved = text.resolved(in: language)
        return resolved.fellBack(from: language) ? "\(inEnglish) \(resolved.text)" : resolved.text
    }

    func text(_ text: LocalizedText?) -> String? { text.map(self.text) }

    /// "[English]" in the reader's language, before a text that shows in English for want of a translation.
    var inEnglish: String {
        switch language {
        case .sv, .en: "[English]"
        case .ar: "[بالإنجليزية]"
        case .fa: "[به انگلیسی]"
        case .so: "[Ingiriisi]"
        case .ti: "[ብእንግሊዝኛ]"
        case .uk: "[англійською]"
        }
    }

    /// Said once, when a journey's translation into the reader's language has not been reviewed by a human translator.
    var unreviewedTranslation: String {
        switch language {
        case .sv, .en: ""
        case .ar: "هذه الترجمة لم يراجعها مترجم بشري بعد. النص السويدي هو المرجع المعتمد: اعرضه بالخيار --lang sv."
        case .fa: "این ترجمه هنوز توسط مترجم انسانی بازبینی نشده است. متن سوئدی معتبر است: آن را با --lang sv ببینید."
        case .so: "Turjumaaddan weli ma hubin turjubaan qof ah. Qoraalka Iswiidhishka ayaa ah kan sharciga ah: ku arag --lang sv."
        case .ti: "እዚ ትርጉም ገና ብሰብ ተርጓሚ ኣይተመርመረን። እቲ ብሽወደንኛ ዘሎ ጽሑፍ እዩ ተኣማኒ፤ ብ --lang sv ርኣይዎ።"
        case .uk: "Цей переклад ще не перевірив перекладач. Чинним є шведський текст: покажіть його з --lang sv."
        }
    }
}
