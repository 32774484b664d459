import ArgumentParser

/// `senani`: the Cyber Senani intake bot and its administration.
struct SenaniCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "senani",
        abstract: "Cyber Senani: citizens' tips from Telegram groups, queued for the thana's SHO.",
        subcommands: [
            RunCommand.self, MigrateCommand.self, DistrictCommand.self, ThanaCommand.self, OfficerCommand.self,
            ReportsCommand.self, AuditCommand.self, ClassifyCommand.self, CorpusCommand.self, BackupCommand.self,
            ImportCommand.self, DigestCommand.self,
        ])
}
