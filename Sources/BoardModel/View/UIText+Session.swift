/// The board's words for idle reset, live refresh, faults and the staff exit: Bulgarian first.
extension UIText {
    static let serviceWithdrawn = LocalizedText(bg: "Услугата, която разглеждахте, вече не се предлага. Това са услугите от темата ѝ.",
                                                en: "The service you were reading is no longer offered. These are the services of its topic.")
    static let topicWithdrawn = LocalizedText(bg: "Тази тема вече я няма в каталога.",
                                              en: "This topic is no longer in the catalogue.")

    static let stillThere = LocalizedText(bg: "Още ли сте тук?", en: "Are you still there?")
    static func returningIn(_ seconds: Int, _ language: Language) -> String {
        language == .bg ? "Връщане към началния екран след \(seconds) с" : "Returning to the start screen in \(seconds) s"
    }
    static let touchToContinue = LocalizedText(bg: "Докоснете екрана или натиснете клавиш, за да продължите.",
                                               en: "Touch the screen or press any key to continue.")

    static let outOfOrderRetryBG = "Таблото опитва отново само. Извиняваме се за неудобството."
    static let outOfOrderRetryEN = "The board keeps trying by itself. We apologise for the inconvenience."
    static let outOfOrderPhoneBG = "Телефон за информация"
    static let outOfOrderPhoneEN = "Information line"

    static let staffExit = LocalizedText(bg: "Служебен изход", en: "Staff exit")
    static let staffPinHint = LocalizedText(bg: "Въведете ПИН и натиснете Enter; Esc — отказ.",
                                            en: "Type the PIN and press Enter; Esc cancels.")
    static let staffPinWrong = LocalizedText(bg: "Грешен ПИН.", en: "Wrong PIN.")
    static let staffPinChecking = LocalizedText(bg: "Проверка…", en: "Checking…")
    static func staffWait(_ seconds: Int, _ language: Language) -> String {
        language == .bg ? "Следващ опит след \(seconds) с." : "Next try in \(seconds) s."
    }

    static let notSaved = VisitorMessages.notSaved
}

/// Messages other parts of the kiosk (survey, dossier throttling) show to visitors.
public enum VisitorMessages {
    /// For what a kiosk itself writes (survey cards, lookup throttling) when the disk is full or
    /// read-only: said plainly; the write is one transaction, so nothing is half-written (see
    /// SQLiteError.isWriteFailure).
    public static let notSaved = LocalizedText(bg: "Не успяхме да запишем отговора Ви. Моля, опитайте по-късно или попитайте на гишето.",
                                               en: "We could not save your answer. Please try again later or ask at a counter.")
}
