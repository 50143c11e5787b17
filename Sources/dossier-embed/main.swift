import Foundation

// Usage: dossier-embed OUTPUT.swift FILE...
// Writes `enum EmbeddedFiles { static let files: [(name: String, contents: String)] }`, one raw string
// literal per file, in argument order. Used by EmbedFilesPlugin at build time only.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: dossier-embed OUTPUT.swift FILE...\n".utf8))
    exit(64)
}

/// The shortest `#…#` delimiter that cannot occur inside `text` as a raw-string terminator.
func rawDelimiter(for text: String) -> String {
    var longest = 0
    var run = -1  // -1: not right after a quote
    for scalar in text.unicodeScalars {
        if scalar == "\"" {
            run = 0
        } else if scalar == "#", run >= 0 {
            run += 1
            longest = max(longest, run)
        } else {
            run = -1
        }
    }
    return String(repeating: "#", count: longest + 1)
}

var output = """
    // Generated at build time by dossier-embed. Do not edit.
    enum EmbeddedFiles {
        /// The embedded files, sorted by name: (file name, UTF-8 contents).
        static let files: [(name: String, contents: String)] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    let contents: String
    do {
        contents = try String(contentsOf: url, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("dossier-embed: \(path) is not readable UTF-8: \(error)\n".utf8))
        exit(1)
    }
    let delimiter = rawDelimiter(for: contents)
    output += "        (name: \"\(url.lastPathComponent)\", contents: \(delimiter)\"\"\"\n"
    output += contents
    output += "\n\"\"\"\(delimiter)),\n"
}
output += "    ]\n}\n"
do {
    try output.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("dossier-embed: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
