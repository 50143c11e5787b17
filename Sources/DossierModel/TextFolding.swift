import Foundation

/// Case- and accent-insensitive folding for search and sorting (`q=` prefix search on entity names and
/// aliases, `sort=name`).
public enum TextFolding {
    /// Lowercased, diacritics and Hebrew/Arabic vowel points removed, curly apostrophes straightened, whitespace
    /// collapsed: "Ḥezbollah’s  Leader" → "hezbollah's leader".
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            if (0x0591...0x05C7).contains(value), !(0x05D0...0x05EA).contains(value),
               value != 0x05BE, value != 0x05C0, value != 0x05C3, value != 0x05C6 {
                continue  // Hebrew points
            }
            if (0x064B...0x065F).contains(value) || value == 0x0670 { continue }  // Arabic harakat
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            switch value {
            case 0x2019, 0x2018, 0x02BC: scalars.append("'")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
