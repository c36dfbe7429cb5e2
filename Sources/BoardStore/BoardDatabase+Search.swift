import BoardCore
extension BoardDatabase {
    /// The searchable texts of every service, in catalogue order (category order, then name).
    public func loadSearchDocuments() throws(StoreError) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        try forEachSearchDocument { documents.append($0) }
        return documents
    }

    /// The search index of the catalogue, built from the rows as they are read: a large
    /// catalogue's texts are megabytes as strings, and none of them needs to live longer than its row.
    public func loadSearchIndex() throws(StoreError) -> SearchIndex {
        var builder = SearchIndex.Builder()
        try forEachSearchDocument { builder.add($0) }
        return builder.finish()
    }

    /// Calls `body` with the searchable texts of each service in catalogue order, from the names
    /// in the services index and the texts import wrote for search (no card is read). One query
    /// per category, in the order of the services index: a single query ordered by the
    /// category's position would sort every row, texts and all, in memory first.
    package func forEachSearchDocument(_ body: (SearchDocument) -> Void) throws(StoreError) {
        try wrap {
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }
            var categories: [String] = []
            let c = try db.prepare("SELECT id FROM categories ORDER BY position")
            while try c.step() { categories.append(c.text(0) ?? "") }
            let s = try db.prepare(
                """
                SELECT s.number, s.name_bg, s.name_en, t.keywords_bg, t.keywords_en, t.description_bg, t.description_en
                FROM services s INDEXED BY services_list JOIN search_texts t ON t.number = s.number
                WHERE s.category = ?
                ORDER BY s.name_bg, s.number
                """)
            for category in categories {
                s.reset()
                s.bind(.text(category))
                while try s.step() {
                    body(
                        SearchDocument(
                            number: s.text(0) ?? "",
                            names: [s.text(1), s.text(2)].compactMap { $0 },
                            keywords: [s.text(3), s.text(4)].compactMap { $0 },
                            descriptions: [s.text(5), s.text(6)].compactMap { $0 }))
                }
            }
        }
    }
}
