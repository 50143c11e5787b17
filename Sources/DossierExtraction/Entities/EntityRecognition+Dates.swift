import DossierModel

extension EntityRecognition {
    /// The recognition without the mentions that lie wholly inside one of `spans`, and without the entities left
    /// with no mention.
    ///
    /// Why: a date expression is never an entity, but a capitalised one looks like a name to the entity scan
    /// ("On Thanksgiving, …", "Election Day", "New Year's Eve" came out as organisations). The date recognizer
    /// knows them, so its spans are the cheapest and most general way to tell; a mention that only overlaps a
    /// date ("April Glaspie" over "April") is kept.
    func removingMentions(inside spans: [TextSpan]) -> EntityRecognition {
        guard !spans.isEmpty else { return self }
        let sorted = spans.sorted()
        func isInsideDate(_ span: TextSpan) -> Bool {
            // Binary search for the last date span starting at or before the mention, then scan back over the few
            // that may still reach past it (date spans rarely nest or overlap).
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].start <= span.start { low = middle + 1 } else { high = middle }
            }
            var index = low - 1
            while index >= 0, index >= low - 4 {
                if sorted[index].contains(span) { return true }
                index -= 1
            }
            return false
        }
        let kept = mentions.filter { !isInsideDate($0.span) }
        guard kept.count < mentions.count else { return self }
        // Renumber the entities that still have a mention, in their original order.
        var stillNamed = [Bool](repeating: false, count: entities.count)
        for mention in kept { stillNamed[mention.entityIndex] = true }
        var newIndex = [Int](repeating: -1, count: entities.count)
        var keptEntities: [ExtractedEntity] = []
        for (index, entity) in entities.enumerated() where stillNamed[index] {
            newIndex[index] = keptEntities.count
            keptEntities.append(entity)
        }
        let renumbered = kept.map { mention -> ExtractedMention in
            var mention = mention
            mention.entityIndex = newIndex[mention.entityIndex]
            return mention
        }
        return EntityRecognition(entities: keptEntities, mentions: renumbered)
    }
}
