import DossierModel

/// What entity recognition finds in one article.
public struct EntityRecognition: Sendable {
    public var entities: [ExtractedEntity]
    /// Ordered by start, longer first.
    public var mentions: [ExtractedMention]

    public init(entities: [ExtractedEntity], mentions: [ExtractedMention]) {
        self.entities = entities
        self.mentions = mentions
    }
}

/// Finds named entities in an article and resolves their surfaces to one entity per referent.
///
/// First pass: runs of capitalised words that do not start a sentence, typed as organisations.
public struct EntityRecognizer: Sendable {
    public init() {}

    public func recognize(_ text: AnalyzedText) -> EntityRecognition {
        let bytes = text.bytes
        var entities: [ExtractedEntity] = []
        var indexByKey: [String: Int] = [:]
        var mentions: [ExtractedMention] = []
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            var index = sentence.lowerBound
            var isFirstWord = true
            while index < sentence.upperBound {
                let byte = bytes[index]
                guard byte >= 65 && byte <= 90 else {
                    if isLetter(byte) {
                        isFirstWord = false
                        while index < sentence.upperBound, isLetter(bytes[index]) { index += 1 }
                    } else {
                        index += 1
                    }
                    continue
                }
                let start = index
                var end = index
                while true {
                    var wordEnd = end
                    while wordEnd < sentence.upperBound, isLetter(bytes[wordEnd]) { wordEnd += 1 }
                    end = wordEnd
                    if end + 1 < sentence.upperBound, bytes[end] == 0x20, bytes[end + 1] >= 65, bytes[end + 1] <= 90 {
                        end += 1
                    } else {
                        break
                    }
                }
                let wasFirst = isFirstWord
                isFirstWord = false
                index = end
                if wasFirst || end - start < 2 { continue }
                let surface = text.text(start..<end)
                let key = EntityKey.normalize(surface)
                let entityIndex: Int
                if let existing = indexByKey[key] {
                    entityIndex = existing
                } else {
                    entityIndex = entities.count
                    indexByKey[key] = entityIndex
                    entities.append(ExtractedEntity(
                        name: surface, type: .organization, aliases: [surface], canonicalKey: key, matchKeys: [key]))
                }
                mentions.append(ExtractedMention(
                    entityIndex: entityIndex, span: text.span(start..<end), text: surface, sentenceIndex: sentenceIndex))
            }
        }
        mentions.sort { $0.span < $1.span }
        return EntityRecognition(entities: entities, mentions: mentions)
    }

    @inline(__always)
    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 0x80
    }
}
