/// A user's full-text query, parsed into a small tree and re-serialised as a safe FTS5 expression.
///
/// The syntax of API.md: words, `"phrases"`, `prefix*`, `AND`, `OR`, `NOT` (upper case, as in FTS5) and
/// parentheses; adjacent terms are joined by AND. Precedence as in https://sqlite.org/fts5.html#fts5_boolean_operators:
/// NOT binds tighter than AND, AND tighter than OR. Every term is quoted on the way out, so no text of the user's
/// reaches FTS5's own parser as syntax (`NEAR`, `^`, column filters, `-`, `+` are only characters of a term).
public indirect enum FullTextQuery: Sendable, Hashable {
    /// A word or a phrase (one or more tokens, matched adjacent), optionally as a prefix.
    case term(String, prefix: Bool)
    case and(FullTextQuery, FullTextQuery)
    case or(FullTextQuery, FullTextQuery)
    /// Matches the left side but not the right (FTS5's binary NOT).
    case not(FullTextQuery, FullTextQuery)

    /// Why a query was refused; `reason` is shown to the client.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The longest query accepted, in characters, and the most terms: bounds the work one request can cause.
    public static let maximumLength = 512
    public static let maximumTerms = 32

    /// Parses `text`; throws `ParseError` for anything malformed (`"unterminated`, `NEAR(`, a lone `*` or `-`).
    public static func parse(_ text: String) throws(ParseError) -> FullTextQuery {
        guard text.count <= maximumLength else {
            throw ParseError(reason: "is longer than \(maximumLength) characters")
        }
        var parser = Parser(tokens: try tokenize(text))
        guard !parser.tokens.isEmpty else { throw ParseError(reason: "is empty") }
        let terms = parser.tokens.filter { if case .term = $0 { return true } else { return false } }.count
        guard terms <= maximumTerms else { throw ParseError(reason: "has more than \(maximumTerms) terms") }
        let query = try parser.parseOr()
        if let extra = parser.peek() {
            throw ParseError(reason: "has an unexpected \(extra.display)")
        }
        return query
    }

    /// The FTS5 expression: every term a double-quoted string (quotes doubled), operators and parentheses ours.
    public var fts5Expression: String {
        switch self {
        case .term(let text, let prefix):
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? " *" : "")
        case .and(let lhs, let rhs): return "(\(lhs.fts5Expression) AND \(rhs.fts5Expression))"
        case .or(let lhs, let rhs): return "(\(lhs.fts5Expression) OR \(rhs.fts5Expression))"
        case .not(let lhs, let rhs): return "(\(lhs.fts5Expression) NOT \(rhs.fts5Expression))"
        }
    }

    enum Token: Equatable {
        case term(String, prefix: Bool)
        case and, or, not, open, close

        var display: String {
            switch self {
            case .term(let text, _): return "term \"\(text)\""
            case .and: return "AND"
            case .or: return "OR"
            case .not: return "NOT"
            case .open: return "'('"
            case .close: return "')'"
            }
        }
    }

    static func tokenize(_ text: String) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        func hasWordCharacter(_ text: String) -> Bool {
            text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(.open)
                index += 1
            } else if character == ")" {
                tokens.append(.close)
                index += 1
            } else if character == "\"" {
                guard let close = characters[(index + 1)...].firstIndex(of: "\"") else {
                    throw ParseError(reason: "has an unterminated phrase (a \" without its closing \")")
                }
                let phrase = String(characters[(index + 1)..<close])
                guard hasWordCharacter(phrase) else {
                    throw ParseError(reason: "has a phrase with no letters or digits")
                }
                index = close + 1
                var prefix = false
                if index < characters.count, characters[index] == "*" {
                    prefix = true
                    index += 1
                }
                if index < characters.count, !characters[index].isWhitespace, characters[index] != ")" {
                    throw ParseError(reason: "has text right after a closing \" (leave a space)")
                }
                tokens.append(.term(phrase, prefix: prefix))
            } else {
                var end = index
                while end < characters.count, !characters[end].isWhitespace, !"()\"".contains(characters[end]) {
                    end += 1
                }
                var word = String(characters[index..<end])
                index = end
                switch word {
                case "AND": tokens.append(.and)
                case "OR": tokens.append(.or)
                case "NOT": tokens.append(.not)
                default:
                    var prefix = false
                    if word.hasSuffix("*") {
                        word.removeLast()
                        prefix = true
                    }
                    guard !word.contains("*") else {
                        throw ParseError(reason: "has a * inside a term (only a trailing * marks a prefix)")
                    }
                    guard hasWordCharacter(word) else {
                        throw ParseError(reason: "has a term with no letters or digits: \"\(word + (prefix ? "*" : ""))\"")
                    }
                    tokens.append(.term(word, prefix: prefix))
                }
            }
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        var position = 0
        var depth = 0

        init(tokens: [Token]) { self.tokens = tokens }

        func peek() -> Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr() throws(ParseError) -> FullTextQuery {
            var lhs = try parseAnd()
            while peek() == .or {
                position += 1
                lhs = .or(lhs, try parseAnd())
            }
            return lhs
        }

        mutating func parseAnd() throws(ParseError) -> FullTextQuery {
            var lhs = try parseNot()
            while let next = peek() {
                switch next {
                case .and:
                    position += 1
                    lhs = .and(lhs, try parseNot())
                case .term, .open:
                    lhs = .and(lhs, try parseNot())
                default:
                    return lhs
                }
            }
            return lhs
        }

        mutating func parseNot() throws(ParseError) -> FullTextQuery {
            var lhs = try parsePrimary()
            while peek() == .not {
                position += 1
                lhs = .not(lhs, try parsePrimary())
            }
            return lhs
        }

        mutating func parsePrimary() throws(ParseError) -> FullTextQuery {
            guard let token = peek() else {
                throw ParseError(reason: "ends where a term was expected")
            }
            position += 1
            switch token {
            case .term(let text, let prefix):
                return .term(text, prefix: prefix)
            case .open:
                depth += 1
                guard depth <= 8 else { throw ParseError(reason: "nests parentheses deeper than 8") }
                let inner = try parseOr()
                guard peek() == .close else { throw ParseError(reason: "has a '(' without its ')'") }
                position += 1
                depth -= 1
                return inner
            default:
                throw ParseError(reason: "has \(token.display) where a term was expected")
            }
        }
    }
}
