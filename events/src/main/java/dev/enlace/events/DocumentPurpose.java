package dev.enlace.events;

/** Why a legal document exists; one document per (tenant, order, purpose) (DO8). */
public enum DocumentPurpose {
    SALE, CREDIT_NOTE, DISPATCH_GUIDE
}
