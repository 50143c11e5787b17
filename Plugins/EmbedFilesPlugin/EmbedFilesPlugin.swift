import Foundation
import PackagePlugin

/// Embeds data files into a target as Swift string literals at build time.
///
/// Why: `Bundle.module` traps on Linux when the resource folder is not beside the binary (a release binary
/// copied into a container), and SwiftPM's `.embedInCode` emits byte-array literals that take minutes to
/// compile for a few hundred kilobytes. String literals compile in seconds and keep the files the single source.
///
/// Which files: `DossierStore` gets `migrations/*.sql` from the package root (the only source of the schema);
/// any other target gets the files in its own `Lexicon/` folder.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder: URL
        let extensions: Set<String>
        if target.name == "DossierStore" {
            folder = context.package.directoryURL.appending(path: "migrations")
            extensions = ["sql"]
        } else {
            folder = target.directoryURL.appending(path: "Lexicon")
            extensions = ["tsv", "txt"]
        }
        let inputs = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files into \(target.name)",
                executable: try context.tool(named: "dossier-embed").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
