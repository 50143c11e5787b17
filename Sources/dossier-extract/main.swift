import DossierExtraction
import DossierIngest
import DossierModel
import Foundation

// dossier-extract: runs extraction alone over `.txt` articles, for measurement.
//
//   dossier-extract score FILE|DIR...   prints one JSON line per article shaped like GET /v1/articles/{id}
//                                       (entities with mentions, events with dates), for eval/score.py
//   dossier-extract bench FILE|DIR...   [--seconds N] prints words/s of extraction (entities and dates)
//
// Entity ids are the canonical keys, so cross-article identity can be scored without a database.

func articleFiles(_ paths: [String]) -> [URL] {
    var files: [URL] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("dossier-extract: \(path): no such file\n".utf8))
            exit(1)
        }
        if isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.filter { $0.hasSuffix(".txt") }.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0) }
        } else {
            files.append(URL(fileURLWithPath: path))
        }
    }
    return files
}

func load(_ files: [URL]) -> [(id: String, parts: ArticleTextParser.Parts)] {
    files.compactMap { url in
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            FileHandle.standardError.write(Data("dossier-extract: \(url.path): not UTF-8, skipped\n".utf8))
            return nil
        }
        return (ArticleTextParser.articleID(fileName: url.lastPathComponent), ArticleTextParser.parse(text))
    }
}

func scoreOutput(_ articles: [(id: String, parts: ArticleTextParser.Parts)]) {
    let extractor = Extractor()
    for article in articles {
        let result = extractor.extract(body: article.parts.body, publishedAt: article.parts.publishedAt)
        var entities: [[String: Any]] = []
        for (index, entity) in result.entities.enumerated() {
            let mentions = result.mentions.filter { $0.entityIndex == index }
                .map { ["start": $0.span.start, "end": $0.span.end, "text": $0.text] as [String: Any] }
            entities.append([
                "entity": ["id": entity.type.rawValue + ":" + entity.canonicalKey, "name": entity.name, "type": entity.type.rawValue],
                "mentions": mentions,
            ])
        }
        let events: [[String: Any]] = result.events.map { event in
            [
                "date": [
                    "text": event.text, "start": event.interval?.start.iso ?? NSNull(),
                    "end": event.interval?.end.iso ?? NSNull(), "precision": event.precision.rawValue,
                    "resolution": event.resolution.rawValue, "anchor": event.anchor?.iso ?? NSNull(),
                    "span": ["start": event.span.start, "end": event.span.end],
                ] as [String: Any],
            ]
        }
        let record: [String: Any] = [
            "id": article.id, "title": article.parts.title,
            "publishedAt": (article.parts.publishedAt ?? result.inferredPublishedAt)?.iso ?? NSNull(),
            "language": result.language, "entities": entities, "events": events,
        ]
        if let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}

func bench(_ articles: [(id: String, parts: ArticleTextParser.Parts)], seconds: Double) {
    let extractor = Extractor()
    let words = articles.reduce(0) { $0 + $1.parts.body.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
    let bytes = articles.reduce(0) { $0 + $1.parts.body.utf8.count }
    // Warm-up pass (lexicons load lazily).
    for article in articles.prefix(50) { _ = extractor.extract(body: article.parts.body, publishedAt: article.parts.publishedAt) }
    let clock = ContinuousClock()
    let start = clock.now
    var passes = 0
    var checksum = 0
    repeat {
        for article in articles {
            let result = extractor.extract(body: article.parts.body, publishedAt: article.parts.publishedAt)
            checksum &+= result.mentions.count &+ result.events.count
        }
        passes += 1
    } while (clock.now - start) < .seconds(seconds)
    let elapsed = clock.now - start
    let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let wordsPerSecond = Double(words * passes) / secondsElapsed
    print("articles: \(articles.count)  words: \(words)  bytes: \(bytes)  passes: \(passes)  (checksum \(checksum))")
    print(String(format: "extraction: %.0f words/s, %.1f articles/s, %.1f MB/s on one core",
                 wordsPerSecond, Double(articles.count * passes) / secondsElapsed,
                 Double(bytes * passes) / secondsElapsed / 1_000_000))
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, mode == "score" || mode == "bench" else {
    FileHandle.standardError.write(Data("usage: dossier-extract score|bench FILE|DIR... [--seconds N]\n".utf8))
    exit(64)
}
arguments.removeFirst()
var seconds = 5.0
if let flag = arguments.firstIndex(of: "--seconds"), flag + 1 < arguments.count, let value = Double(arguments[flag + 1]) {
    seconds = value
    arguments.removeSubrange(flag...flag + 1)
}
let articles = load(articleFiles(arguments))
if mode == "score" { scoreOutput(articles) } else { bench(articles, seconds: seconds) }
