/// The board's words for idle reset, live refresh, faults and the staff exit: Bulgarian first.
extension UIText {
    package static let serviceWithdrawn = LocalizedText(
        bg: "Услугата, която разглеждахте, вече не се предлага. Това са услугите от темата ѝ.",
        en: "The service you were reading is no longer offered. These are the services of its topic.")
    package static let topicWithdrawn = LocalizedText(
        bg: "Тази тема вече я няма в каталога.",
        en: "This topic is no longer in the catalogue.")

    package static let stillThere = LocalizedText(bg: "Още ли сте тук?", en: "Are you still there?")
    package static func returningIn(_ seconds: Int, _ language: Language) -> String {
        language == .bg
            ? "Връщане към началния екран след \(seconds) с" : "Returning to the start screen in \(seconds) s"
    }
    package static let touchToContinue = LocalizedText(
        bg: "Докоснете екрана или натиснете клавиш, за да продължите.",
        en: "Touch the screen or press any key to continue.")

    package static let outOfOrderRetryBG = "Таблото опитва отново само. Извиняваме се за неудобството."
    package static let outOfOrderRetryEN = "The board keeps trying by itself. We apologise for the inconvenience."
    package static let outOfOrderPhoneBG = "Телефон за информация"
    package static let outOfOrderPhoneEN = "Information line"

    package static let staffExit = LocalizedText(bg: "Служебен изход", en: "Staff exit")
    package static let staffPinHint = LocalizedText(
        bg: "Въведете ПИН и натиснете Enter; Esc — отказ.",
        en: "Type the PIN and press Enter; Esc cancels.")
    package static let staffPinWrong = LocalizedText(bg: "Грешен ПИН.", en: "Wrong PIN.")
    package static let staffPinChecking = LocalizedText(bg: "Проверка…", en: "Checking…")
    package static func staffWait(_ seconds: Int, _ language: Language) -> String {
        language == .bg ? "Следващ опит след \(seconds) с." : "Next try in \(seconds) s."
    }

    package static let notSaved = VisitorMessages.notSaved
}

/// Messages other parts of the kiosk (survey, dossier throttling) show to visitors.
public enum VisitorMessages {
    /// For what a kiosk itself writes (survey cards, lookup throttling) when the disk is full or
    /// read-only: said plainly; the write is one transaction, so nothing is half-written (see
    /// SQLiteError.isWriteFailure).
    public static let notSaved = LocalizedText(
        bg: "Не успяхме да запишем отговора Ви. Моля, опитайте по-късно или попитайте на гишето.",
        en: "We could not save your answer. Please try again later or ask at a counter.")
}
