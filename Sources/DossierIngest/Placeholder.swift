public enum DossierIngestPlaceholder {}
