/// The board's own words, Bulgarian first and English second.
package enum UIText {
    package static let back = LocalizedText(bg: "◀ Назад", en: "◀ Back")
    package static let home = LocalizedText(bg: "⌂ Начало", en: "⌂ Home")
    package static let scrollUp = LocalizedText(bg: "▲ Нагоре", en: "▲ Up")
    package static let scrollDown = LocalizedText(bg: "▼ Надолу", en: "▼ Down")
    /// The language button names the language it switches to, in that language.
    package static func switchLanguage(from language: Language) -> String {
        language == .bg ? "English" : "Български"
    }

    package static let touchToStartBG = "Докоснете екрана или натиснете клавиш"
    package static let touchToStartEN = "Touch the screen or press any key"
    package static let announcements = LocalizedText(bg: "Съобщения", en: "Announcements")
    package static let important = LocalizedText(bg: "ВАЖНО", en: "IMPORTANT")
    package static let openingHours = LocalizedText(bg: "Работно време", en: "Opening hours")

    package static let homeTitle = LocalizedText(bg: "С какво можем да помогнем?", en: "How can we help you?")
    package static let homeHint = LocalizedText(
        bg: "Изберете с докосване, със стрелките и Enter или с цифра.",
        en: "Choose by touch, with the arrows and Enter, or with a digit.")
    package static let comingSoon = LocalizedText(bg: "подготвя се", en: "coming soon")

    package static func item(_ item: HomeItem, language: Language) -> String {
        switch item {
        case .services: return LocalizedText(bg: "Услуги", en: "Services").text(language)
        case .search: return LocalizedText(bg: "Търсене", en: "Search").text(language)
        case .dossier: return LocalizedText(bg: "Проверка на преписка", en: "Check my dossier").text(language)
        case .survey: return LocalizedText(bg: "Анкета", en: "Survey").text(language)
        case .results: return LocalizedText(bg: "Резултати от анкетата", en: "Survey results").text(language)
        case .contacts: return LocalizedText(bg: "Контакти и работно време", en: "Contacts and hours").text(language)
        case .charter: return LocalizedText(bg: "Харта на клиента", en: "Client charter").text(language)
        case .complaints: return LocalizedText(bg: "Жалби и предложения", en: "Complaints and feedback").text(language)
        case .language: return language == .bg ? "English" : "Български"
        }
    }

    package static func itemDetail(_ item: HomeItem, language: Language) -> String {
        switch item {
        case .services:
            return LocalizedText(bg: "документи, такси, срокове", en: "documents, fees, deadlines").text(language)
        case .search: return LocalizedText(bg: "по дума или номер", en: "by word or number").text(language)
        case .dossier: return LocalizedText(bg: "по номер и код", en: "by number and code").text(language)
        case .survey: return LocalizedText(bg: "оценете обслужването", en: "rate our service").text(language)
        case .results: return LocalizedText(bg: "какво казаха посетителите", en: "what visitors said").text(language)
        case .contacts: return LocalizedText(bg: "телефони, адрес", en: "phones, address").text(language)
        case .charter: return LocalizedText(bg: "нашите стандарти", en: "our standards").text(language)
        case .complaints: return LocalizedText(bg: "как да ни пишете", en: "how to reach us").text(language)
        case .language: return language == .bg ? "switch to English" : "смяна на езика"
        }
    }

    package static let searchTitle = LocalizedText(bg: "Търсене на услуга", en: "Find a service")
    package static let search = LocalizedText(bg: "⌕ Търсене", en: "⌕ Search")
    package static let searchHint = LocalizedText(
        bg:
            "Напишете какво търсите, например „скица“, „данък кола“, „наследници“ или номер на услуга. Може и на "
            + "латиница.",
        en:
            "Type what you need, e.g. \"sketch\", \"car tax\", \"heirs\" or a service number. Bulgarian words in "
            + "Latin letters work too."
    )
    package static func noResults(_ query: String, _ language: Language) -> String {
        language == .bg ? "Няма услуга, която да отговаря на „\(query)“." : "No service matches \"\(query)\"."
    }
    package static func noResultsHelp(phone: String, _ language: Language) -> String {
        language == .bg
            ? "Опитайте с друга дума, разгледайте темите или попитайте на телефон \(phone)."
            : "Try another word, browse the topics, or ask us on \(phone)."
    }
    package static let browseTopics = LocalizedText(bg: "Разгледайте темите", en: "Browse the topics")
    package static func resultCount(_ n: Int, _ language: Language) -> String {
        if language == .bg { return n == 1 ? "1 намерена услуга" : "\(n) намерени услуги" }
        return n == 1 ? "1 service found" : "\(n) services found"
    }
    package static func questionOf(_ n: Int, _ total: Int, _ language: Language) -> String {
        language == .bg ? "въпрос \(n) от \(total)" : "question \(n) of \(total)"
    }
    package static let skipQuestion = LocalizedText(bg: "Пропусни ▶", en: "Skip ▶")
    package static let checkYourAnswers = LocalizedText(bg: "Проверете отговорите си", en: "Check your answers")
    package static let cardNotSaved = LocalizedText(
        bg: "Отговорите не можаха да бъдат записани. Моля, опитайте отново или кажете на служител на гишето.",
        en: "Your answers could not be saved. Please try again or tell a member of staff at the counter.")
    package static let noResultsPublished = LocalizedText(
        bg: "Все още няма публикувани резултати от анкетата.", en: "No survey results have been published yet.")
    package static let categoriesTitle = LocalizedText(bg: "Услуги по теми", en: "Services by topic")
    package static func serviceCount(_ n: Int, _ language: Language) -> String {
        if language == .bg { return n == 1 ? "1 услуга" : "\(n) услуги" }
        return n == 1 ? "1 service" : "\(n) services"
    }
    package static let noServices = LocalizedText(
        bg: "В тази тема още няма услуги.", en: "There are no services in this topic yet.")
    package static let loading = LocalizedText(bg: "Зареждане…", en: "Loading…")
    package static let cardUnavailable = LocalizedText(
        bg: "Описанието на тази услуга не може да бъде показано в момента.",
        en: "The description of this service cannot be shown right now.")
    package static func askAtCounter(phone: String, _ language: Language) -> String {
        language == .bg
            ? "Моля, попитайте на гишетата или на телефон \(phone)." : "Please ask at the counters or call \(phone)."
    }
    package static let serviceMissing = LocalizedText(
        bg: "Тази услуга вече не е в каталога.", en: "This service is no longer in the catalogue.")

    package static let registerNumber = LocalizedText(bg: "Услуга №", en: "Service No.")
    package static let documents = LocalizedText(bg: "Необходими документи", en: "Documents to bring")
    package static let noDocuments = LocalizedText(bg: "Не са нужни документи.", en: "No documents are needed.")
    package static let requiredDoc = LocalizedText(bg: "задължителен", en: "required")
    package static let optionalDoc = LocalizedText(bg: "по желание", en: "optional")
    package static let form = LocalizedText(bg: "образец", en: "form")
    package static let feesAndDeadlines = LocalizedText(bg: "Такси и срокове", en: "Fees and deadlines")
    package static let tierColumn = LocalizedText(bg: "Вид", en: "Tier")
    package static let feeColumn = LocalizedText(bg: "Такса", en: "Fee")
    package static let deadlineColumn = LocalizedText(bg: "Срок", en: "Deadline")
    package static let whereToFile = LocalizedText(bg: "Къде се подава", en: "Where to file")
    package static let channels = LocalizedText(bg: "Начини на подаване", en: "Ways to file")
    package static let stages = LocalizedText(bg: "Как протича", en: "How it goes")
    package static let result = LocalizedText(bg: "Какво получавате", en: "What you receive")
    package static let validity = LocalizedText(bg: "Валидност", en: "Valid for")
    package static let legalBasis = LocalizedText(bg: "Правно основание", en: "Legal basis")

    package static func tier(_ tier: Tier) -> LocalizedText {
        switch tier {
        case .ordinary: return LocalizedText(bg: "Обикновена", en: "Ordinary")
        case .fast: return LocalizedText(bg: "Бърза", en: "Fast")
        case .express: return LocalizedText(bg: "Експресна", en: "Express")
        }
    }

    package static func channel(_ kind: Service.Channel.Kind) -> LocalizedText {
        switch kind {
        case .counter: return LocalizedText(bg: "На гише", en: "At the counter")
        case .post: return LocalizedText(bg: "По пощата", en: "By post")
        case .email: return LocalizedText(bg: "По електронна поща", en: "By e-mail")
        case .online: return LocalizedText(bg: "Онлайн", en: "Online")
        }
    }

    /// A fee in euro: "5,00 €" in Bulgarian, "€5.00" in English, or "free of charge".
    package static func fee(cents: Int, _ language: Language) -> String {
        if cents == 0 { return language == .bg ? "безплатно" : "free of charge" }
        let euros = cents / 100, rest = cents % 100
        let grouped = group(euros, separator: language == .bg ? " " : ",")
        let fraction = (rest < 10 ? "0" : "") + String(rest)
        return language == .bg ? "\(grouped),\(fraction) €" : "€\(grouped).\(fraction)"
    }

    private static func group(_ n: Int, separator: String) -> String {
        let digits = String(n)
        guard digits.count > 4 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// A deadline in working days.
    package static func days(_ n: Int, _ language: Language) -> String {
        if n == 0 { return language == .bg ? "в деня на подаване" : "the same day" }
        if language == .bg { return n == 1 ? "1 работен ден" : "\(n) работни дни" }
        return n == 1 ? "1 working day" : "\(n) working days"
    }

    package static func listSummary(_ s: ServiceSummary, _ language: Language) -> String {
        let fee =
            s.cheapest == 0
            ? fee(cents: 0, language) : (language == .bg ? "от " : "from ") + fee(cents: s.cheapest, language)
        let deadline =
            s.fastestDays == 0
            ? days(0, language) : (language == .bg ? "до " : "within ") + days(s.fastestDays, language)
        return "\(fee) · \(deadline)"
    }

    package static let contactsTitle = LocalizedText(bg: "Контакти и работно време", en: "Contacts and opening hours")
    package static let address = LocalizedText(bg: "Адрес", en: "Address")
    package static let phones = LocalizedText(bg: "Телефони", en: "Phones")
    package static let email = LocalizedText(bg: "Електронна поща", en: "E-mail")
    package static let web = LocalizedText(bg: "Интернет страница", en: "Web site")

    package static func pageTitle(_ kind: PageKind) -> LocalizedText {
        switch kind {
        case .charter: return LocalizedText(bg: "Харта на клиента", en: "Client charter")
        case .complaints:
            return LocalizedText(bg: "Жалби, сигнали и предложения", en: "Complaints, reports and suggestions")
        }
    }

    package static let unavailableTitle = LocalizedText(bg: "Подготвя се", en: "Coming soon")
    package static func unavailableBody(_ item: HomeItem, phone: String, _ language: Language) -> [String] {
        let what = UIText.item(item, language: language)
        if language == .bg {
            return [
                "„\(what)“ все още не работи на това табло. Подготвяме го.",
                "Междувременно попитайте на гишето в центъра или се обадете на \(phone).",
            ]
        }
        return [
            "\"\(what)\" does not work on this board yet. We are preparing it.",
            "Meanwhile, please ask at a counter in the centre or call \(phone).",
        ]
    }

    package static let outOfOrderBG = "Таблото временно не работи"
    package static let outOfOrderEN = "The board is temporarily out of order"
    package static let outOfOrderHelpBG = "Моля, обърнете се към гишетата в центъра."
    package static let outOfOrderHelpEN = "Please ask at the counters in the centre."

    package static let tooSmallBG = "Екранът е твърде малък."
    package static let tooSmallEN = "The screen is too small."

    package static let weekdaysBG = ["понеделник", "вторник", "сряда", "четвъртък", "петък", "събота", "неделя"]
    package static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    package static let monthsBG = [
        "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември",
        "декември",
    ]
    package static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "събота, 21 ноември 2026" / "Saturday, 21 November 2026".
    package static func longDate(_ d: CalendarDate, _ language: Language) -> String {
        let weekday = (language == .bg ? weekdaysBG : weekdaysEN)[d.weekday - 1]
        let month = (language == .bg ? monthsBG : monthsEN)[d.month - 1]
        return "\(weekday), \(d.day) \(month) \(d.year)"
    }

    package static func shortDate(_ d: CalendarDate) -> String {
        "\(pad(d.day, 2)).\(pad(d.month, 2)).\(d.year)"
    }

    package static func clock(_ t: LocalTime) -> String {
        "\(pad(t.hour, 2)):\(pad(t.minute, 2))"
    }
}
