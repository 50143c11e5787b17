import Foundation

/// Case- and accent-folding of names and aliases, so that "Khamenei", "KHAMENEI" and "Khāmenei" compare equal.
///
/// The writer stores `entities.name_fold` and `entity_aliases.alias_fold` with this function and the entity
/// search (`GET /v1/entities?q=`) folds the query with it too, so a prefix of the folded query walks
/// `entity_aliases_by_fold`. One definition for both sides keeps them in step.
public enum TextFolding {
    /// Lowercased, diacritics removed (Latin accents, Hebrew points and cantillation, Arabic harakat and the
    /// superscript alef), width variants unified, curly apostrophes straightened, runs of whitespace collapsed
    /// to one space and trimmed: "  Ali  KHĀMENEI’s " → "ali khamenei's".
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            if isPoint(value) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            switch value {
            case 0x2018, 0x2019, 0x02BC: scalars.append("'")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Hebrew points and cantillation (U+0591–U+05C7 less the punctuation maqaf, paseq, sof pasuq, nun hafukha),
    /// Arabic harakat (U+064B–U+065F) and superscript alef (U+0670): marks that vary between spellings of one name.
    private static func isPoint(_ value: UInt32) -> Bool {
        if (0x0591...0x05C7).contains(value) {
            return value != 0x05BE && value != 0x05C0 && value != 0x05C3 && value != 0x05C6
        }
        return (0x064B...0x065F).contains(value) || value == 0x0670
    }
}
