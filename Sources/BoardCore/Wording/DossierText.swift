/// The words of the dossier lookup and result, Bulgarian first and English second.
package enum DossierText {
    package static func title(_ state: BoardState) -> String {
        let base = UIText.item(.dossier, language: state.language)
        if state.screen == .dossierResult, let report = state.dossier.report {
            return base + " › № " + report.number
        }
        return base
    }

    package static let hint = LocalizedText(
        bg: "Въведете номера и кода за достъп от разписката си.",
        en: "Enter the number and the access code from your receipt.")
    package static let numberLabel = LocalizedText(bg: "Номер на преписка", en: "Dossier number")
    package static let codeLabel = LocalizedText(bg: "Код за достъп", en: "Access code")
    package static let delete = LocalizedText(bg: "⌫ Изтрий", en: "⌫ Delete")
    package static let toCode = LocalizedText(bg: "Към кода ▶", en: "To the code ▶")
    package static let toNumber = LocalizedText(bg: "◀ Към номера", en: "◀ To the number")
    package static let check = LocalizedText(bg: "✓ Провери", en: "✓ Check")
    package static let checking = LocalizedText(bg: "Проверява се…", en: "Checking…")

    package static func notice(_ notice: DossierNotice, wait: Int, _ language: Language) -> String {
        let bg = language == .bg
        switch notice {
        case .notFound:
            return bg
                ? "Не намерихме преписка с този номер и код. Проверете ги и опитайте пак; ако са верни, попитайте на "
                    + "гише „Деловодство“."
                : "We found no dossier with this number and code. Check them and try again; if they are right, "
                    + "please ask at the registry counter."
        case .numberMissing:
            return bg
                ? "Въведете номера на преписката: цифрите от разписката."
                : "Enter the dossier number: the digits on your receipt."
        case .numberDigitsOnly:
            return bg ? "Номерът съдържа само цифри." : "The number has digits only."
        case .codeLength(let n):
            return bg
                ? "Кодът има \(AccessCode.length) знака; въведени са \(n)."
                : "The code has \(AccessCode.length) characters; you entered \(n)."
        case .notInCode:
            return bg
                ? "В кода има само цифрите 2–9 и буквите \(letters)."
                : "Codes have only the digits 2–9 and the letters \(letters)."
        case .throttled:
            return bg
                ? "Твърде много неуспешни опити на това табло. Нов опит след \(clock(wait))."
                : "Too many failed attempts on this board. Try again in \(clock(wait))."
        case .unavailable:
            return bg
                ? "Проверката на преписки не работи на това табло в момента. Моля, попитайте на гише „Деловодство“."
                : "Dossier checks do not work on this board right now. Please ask at the registry counter."
        }
    }

    package static var letters: String {
        AccessCode.alphabet.filter(\.isLetter).map(String.init).joined(separator: " ")
    }

    /// "0:27", "4:05".
    package static func clock(_ seconds: Int) -> String {
        "\(seconds / 60):\(pad(seconds % 60, 2))"
    }

    package static let dossierNo = LocalizedText(bg: "Преписка №", en: "Dossier No.")
    package static let status = LocalizedText(bg: "Състояние", en: "Status")
    package static let whatNext = LocalizedText(bg: "Какво да направите", en: "What to do next")
    package static let deadline = LocalizedText(bg: "Срок", en: "Deadline")
    package static let history = LocalizedText(bg: "История", en: "History")

    package static func filed(_ report: DossierReport, _ language: Language) -> String {
        let service = "\(UIText.registerNumber.text(language)) \(report.serviceNumber)"
        let tier = UIText.tier(report.tier).text(language).lowercased()
        if language == .bg { return "\(service) · \(tier) услуга · подадена на \(UIText.shortDate(report.filed))" }
        return "\(service) · \(tier) service · filed on \(UIText.shortDate(report.filed))"
    }

    package static func deadlineLine(_ report: DossierReport, _ language: Language) -> String {
        "\(UIText.shortDate(report.deadline)) (\(UIText.days(report.termDays, language)))"
    }

    package static func days(_ n: Int, _ language: Language) -> String {
        if language == .bg { return n == 1 ? "1 ден" : "\(n) дни" }
        return n == 1 ? "1 day" : "\(n) days"
    }

    package static func timeliness(_ t: DossierReport.Timeliness, _ language: Language) -> String {
        let bg = language == .bg
        switch t {
        case .onTime: return bg ? "✓ В срок" : "✓ On time"
        case .overdue(let n):
            return bg
                ? "⚠ Просрочена: срокът изтече преди \(days(n, language))"
                : "⚠ Overdue: the deadline passed \(days(n, language)) ago"
        case .doneOnTime: return bg ? "✓ Изпълнена в срок" : "✓ Done on time"
        case .doneLate(let n):
            return bg ? "⚠ Изпълнена \(days(n, language)) след срока" : "⚠ Done \(days(n, language)) after the deadline"
        }
    }

    package static let apology = LocalizedText(
        bg: "Съжаляваме, че не спазихме срока. Извиняваме се за забавянето.",
        en: "We are sorry that we did not keep to the deadline. We apologise for the delay.")

    package static func complaint(email: String?, phone: String, _ language: Language) -> String {
        if language == .bg {
            var ways = "писмено на гише „Деловодство“"
            if let email { ways += ", по електронна поща на \(email)" }
            if !phone.isEmpty { ways += " или по телефона \(phone)" }
            return "Имате право да подадете жалба: \(ways). Вижте и „Жалби и предложения“ в началото."
        }
        var ways = "in writing at the registry counter"
        if let email { ways += ", by e-mail to \(email)" }
        if !phone.isEmpty { ways += " or by phone on \(phone)" }
        return "You have the right to complain: \(ways). See also \"Complaints and feedback\" on the home screen."
    }

    package static let erased = LocalizedText(
        bg: "Когато излезете, номерът, кодът и този резултат се изтриват от таблото.",
        en: "When you leave, the number, the code and this result are erased from the board.")
}
