import JourneyModel

/// The words of a refused answer: why it is not a value of the question's type, and how to write one.
///
/// ``FactValueError`` and ``IdentityNumberError`` say the same in English and Swedish for the API and the command
/// line; the guide says it through its catalog, so a translator gives every reason and hint in `guide.yaml`. None
/// of these texts repeats what was typed, which may be personal data.
extension GuideStrings {
    /// "Try again: expected yes or no. Answer yes/no (or ja/nej)."
    func tryAgain(_ error: FactValueError) -> String {
        switch error.reason {
        case .empty: tryAgain(t("answer-error.empty", "an answer is required", "ett svar behövs"), hint: t("answer-hint.empty", "type an answer", "skriv ett svar"))
        case .notBool:
            tryAgain(t("answer-error.not-bool", "expected yes or no", "svaret ska vara ja eller nej"),
                hint: t("answer-hint.not-bool", "answer yes/no (or ja/nej)", "svara ja/nej (eller yes/no)"))
        case .notNumber:
            tryAgain(t("answer-error.not-number", "expected a number", "svaret ska vara ett tal"),
                hint: t("answer-hint.not-number", "write digits, for example 1500 or 2.5", "skriv siffror, till exempel 1500 eller 2,5"))
        case .decimalComma:
            tryAgain(t("answer-error.decimal-comma", "a comma only separates thousands in English", "ett kommatecken skiljer bara tusental åt på engelska"),
                hint: t("answer-hint.decimal-comma", "write decimals with a point, for example 2.5", "skriv decimaler med punkt, till exempel 2.5, eller svara på svenska"))
        case .notDate:
            tryAgain(t("answer-error.not-date", "expected a date written YYYY-MM-DD", "svaret ska vara ett datum skrivet ÅÅÅÅ-MM-DD"),
                hint: t("answer-hint.not-date", "for example 2026-03-01", "till exempel 2026-03-01"))
        case .unknownCountry:
            tryAgain(t("answer-error.unknown-country", "not a known country", "inget land som Lotsen känner till"),
                hint: t("answer-hint.unknown-country", "write the country's name in English or Swedish, or its two-letter code such as DE",
                    "skriv landets namn på svenska eller engelska, eller dess landskod med två bokstäver, till exempel DE"))
        // The options are listed by their labels and numbers on screen; their stored values mean nothing to the person.
        case .notAnOption: chooseAnOption
        case .identity(let identity): tryAgain(identity)
        case .controlCharacter(let name, let position):
            tryAgain(t("answer-error.control-character", "character {position} is a control character ({name}), which cannot be stored",
                "tecken {position} är ett styrtecken ({name}), som inte kan sparas", ["position": "\(position)", "name": name]),
                hint: t("answer-hint.control-character", "type the answer as one line of plain text, without tabs, line breaks or escape codes",
                    "skriv svaret som en rad vanlig text, utan tabbar, radbrytningar eller styrkoder"))
        case .tooLong(let limit):
            tryAgain(t("answer-error.too-long", "the answer is longer than {limit} characters", "svaret är längre än {limit} tecken", ["limit": "\(limit)"]),
                hint: t("answer-hint.too-long", "shorten it to at most {limit} characters", "korta det till högst {limit} tecken", ["limit": "\(limit)"]))
        case .notWholeNumber:
            tryAgain(t("answer-error.not-whole-number", "expected a whole number", "svaret ska vara ett heltal"),
                hint: t("answer-hint.not-whole-number", "write it without decimals, for example 3", "skriv det utan decimaler, till exempel 3"))
        case .tooSmall(let minimum, let maximum):
            tryAgain(t("answer-error.too-small", "the smallest answer allowed is {low}", "det minsta tillåtna svaret är {low}", ["low": number(minimum)]),
                hint: range(minimum: minimum, maximum: maximum))
        case .tooLarge(let maximum, let minimum):
            tryAgain(t("answer-error.too-large", "the largest answer allowed is {high}", "det största tillåtna svaret är {high}", ["high": number(maximum)]),
                hint: range(minimum: minimum, maximum: maximum))
        }
    }

    /// "Try again: the check digit of the personnummer does not match (…). Check each digit again; …."
    func tryAgain(_ error: IdentityNumberError) -> String {
        tryAgain(message(error), hint: hint(error))
    }

    private func number(_ value: Double) -> String { FactValue.format(number: value, in: language) }

    /// "write a number from 0 to 100,000" / "write 0 or more" / "write at most 10".
    private func range(minimum: Double?, maximum: Double?) -> String {
        switch (minimum.map(number), maximum.map(number)) {
        case (let low?, let high?): t("answer-hint.between", "write a number from {low} to {high}", "skriv ett tal från {low} till {high}", ["low": low, "high": high])
        case (let low?, nil): t("answer-hint.at-least", "write {low} or more", "skriv {low} eller mer", ["low": low])
        case (nil, let high?): t("answer-hint.at-most", "write at most {high}", "skriv högst {high}", ["high": high])
        case (nil, nil): ""
        }
    }

    private func message(_ error: IdentityNumberError) -> String {
        switch error {
        case .empty(.personnummer): t("identity-error.empty.personnummer", "no personal identity number was given", "inget personnummer angavs")
        case .empty(.organisationsnummer): t("identity-error.empty.organisationsnummer", "no organisationsnummer was given", "inget organisationsnummer angavs")
        case .unexpectedCharacter(.personnummer):
            t("identity-error.unexpected-character.personnummer", "a personal identity number may only contain digits and one separator",
                "ett personnummer får bara innehålla siffror och ett skiljetecken")
        case .unexpectedCharacter(.organisationsnummer):
            t("identity-error.unexpected-character.organisationsnummer", "an organisationsnummer may only contain digits and one separator",
                "ett organisationsnummer får bara innehålla siffror och ett skiljetecken")
        case .misplacedSeparator(.personnummer):
            t("identity-error.misplaced-separator.personnummer", "the separator must stand between the birth date and the last four digits",
                "skiljetecknet ska stå mellan födelsedatumet och de fyra sista siffrorna")
        case .misplacedSeparator(.organisationsnummer):
            t("identity-error.misplaced-separator.organisationsnummer", "the separator must stand between the sixth and the seventh digit",
                "skiljetecknet ska stå mellan den sjätte och den sjunde siffran")
        case .wrongLength(.personnummer, let digits):
            t("identity-error.wrong-length.personnummer", "a personal identity number has 10 or 12 digits, not {digits}", "ett personnummer har 10 eller 12 siffror, inte {digits}",
                ["digits": "\(digits)"])
        case .wrongLength(.organisationsnummer, let digits):
            t("identity-error.wrong-length.organisationsnummer", "an organisationsnummer has 10 digits (12 with the prefix 16), not {digits}",
                "ett organisationsnummer har 10 siffror (12 med prefixet 16), inte {digits}", ["digits": "\(digits)"])
        case .checkDigitMismatch(.personnummer):
            t("identity-error.check-digit.personnummer", "the check digit of the personal identity number does not match",
                "kontrollsiffran i personnumret stämmer inte")
        case .checkDigitMismatch(.organisationsnummer):
            t("identity-error.check-digit.organisationsnummer", "the check digit of the organisationsnummer does not match",
                "kontrollsiffran i organisationsnumret stämmer inte")
        case .invalidDate:
            t("identity-error.invalid-date", "the birth date in the personal identity number does not exist (a coordination number has day 61–91: the birth day plus 60)",
                "födelsedatumet i personnumret finns inte (ett samordningsnummer har dag 61–91: födelsedagen plus 60)")
        case .futureBirthDate:
            t("identity-error.future-birth-date", "the birth date in the personal identity number lies in the future", "födelsedatumet i personnumret ligger i framtiden")
        case .plusWithFourDigitYear:
            t("identity-error.plus-with-four-digit-year", "a plus sign only belongs in the ten-digit form, where it marks a person aged 100 or more",
                "plustecken hör bara hemma i den tiosiffriga formen, där det visar att personen är 100 år eller äldre")
        case .thirdDigitTooLow:
            t("identity-error.third-digit-too-low", "the third digit of an organisationsnummer is always 2 or more; this looks like a personal identity number",
                "den tredje siffran i ett organisationsnummer är alltid 2 eller högre; det här ser ut som ett personnummer")
        case .unknownPrefix:
            t("identity-error.unknown-prefix", "a twelve-digit organisationsnummer starts with 16", "ett tolvsiffrigt organisationsnummer börjar med 16")
        }
    }

    private func hint(_ error: IdentityNumberError) -> String {
        switch error {
        case .empty(.personnummer), .unexpectedCharacter(.personnummer), .misplacedSeparator(.personnummer), .wrongLength(.personnummer, _):
            t("identity-hint.personnummer", "write the birth date and four digits: YYYYMMDD-NNNN, or YYMMDD-NNNN",
                "skriv födelsedatumet och fyra siffror: ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN")
        case .empty(.organisationsnummer), .unexpectedCharacter(.organisationsnummer), .misplacedSeparator(.organisationsnummer),
            .wrongLength(.organisationsnummer, _), .unknownPrefix:
            t("identity-hint.organisationsnummer", "write 10 digits as NNNNNN-NNNN, as on the registration certificate",
                "skriv 10 siffror som NNNNNN-NNNN, så som det står på registreringsbeviset")
        case .checkDigitMismatch:
            t("identity-hint.check-digit", "check each digit again; one is probably mistyped or two are swapped",
                "kontrollera varje siffra igen; troligen är en siffra felskriven eller två omkastade")
        case .invalidDate:
            t("identity-hint.invalid-date", "check the year, month and day; the month is 01–12 and the day must exist in that month",
                "kontrollera år, månad och dag; månaden är 01–12 och dagen måste finnas i den månaden")
        case .futureBirthDate:
            t("identity-hint.future-birth-date", "check the year; write all four digits of the birth year", "kontrollera året; skriv alla fyra siffrorna i födelseåret")
        case .plusWithFourDigitYear:
            t("identity-hint.plus-with-four-digit-year", "with a four-digit year write YYYYMMDD-NNNN, with a hyphen", "med fyrsiffrigt år skriver du ÅÅÅÅMMDD-NNNN, med bindestreck")
        case .thirdDigitTooLow:
            t("identity-hint.third-digit-too-low", "a sole trader's business (enskild firma) uses the owner's personal identity number; give that where a personal identity number is asked for",
                "en enskild firma använder ägarens personnummer; ange det där ett personnummer efterfrågas")
        }
    }
}
