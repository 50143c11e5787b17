public enum DossierAPIPlaceholder {}
