public enum SQLiteDBPlaceholder {}
