extension BoardStore {
    /// The searchable texts of every service, in catalogue order (category order, then name).
    /// SQLite's JSON functions read them out of the stored cards, so no card is decoded here.
    public func loadSearchDocuments() throws(StoreError) -> [SearchDocument] {
        try wrap {
            let s = try db.prepare("""
                SELECT s.number,
                       json_extract(s.card, '$.name.bg'), json_extract(s.card, '$.name.en'),
                       (SELECT group_concat(value, ' | ') FROM json_each(s.card, '$.keywordsBG')),
                       (SELECT group_concat(value, ' | ') FROM json_each(s.card, '$.keywordsEN')),
                       json_extract(s.card, '$.description.bg'), json_extract(s.card, '$.description.en')
                FROM services s JOIN categories c ON c.id = s.category
                ORDER BY c.position, s.name_bg, s.number
                """)
            var documents: [SearchDocument] = []
            while try s.step() {
                documents.append(SearchDocument(number: s.text(0) ?? "",
                                                names: [s.text(1), s.text(2)].compactMap { $0 },
                                                keywords: [s.text(3), s.text(4)].compactMap { $0 },
                                                descriptions: [s.text(5), s.text(6)].compactMap { $0 }))
            }
            return documents
        }
    }
}
