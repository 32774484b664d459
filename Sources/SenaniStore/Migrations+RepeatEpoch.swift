import GRDB

extension Migrations {
    /// A counter the database bumps on every change that could change a repeat search, whoever makes it (this
    /// process, a CLI command, a restored copy): the writer's in-memory copy of the candidates (`RepeatCandidates`)
    /// is trusted only while the counter is where that copy left it.
    static func addRepeatEpoch(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE repeat_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
                INSERT INTO repeat_epoch (id, n) VALUES (1, 0);
                CREATE TRIGGER repeat_epoch_insert AFTER INSERT ON reports
                    WHEN NEW.duplicate_of IS NULL AND NEW.repeat_key IS NOT NULL
                    BEGIN UPDATE repeat_epoch SET n = n + 1 WHERE id = 1; END;
                CREATE TRIGGER repeat_epoch_update AFTER UPDATE OF thana_code, received_at, duplicate_of, repeat_key
                    ON reports
                    BEGIN UPDATE repeat_epoch SET n = n + 1 WHERE id = 1; END;
                CREATE TRIGGER repeat_epoch_delete AFTER DELETE ON reports
                    BEGIN UPDATE repeat_epoch SET n = n + 1 WHERE id = 1; END;
                """)
    }
}
