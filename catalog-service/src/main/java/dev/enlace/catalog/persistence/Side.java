package dev.enlace.catalog.persistence;

/** Which side of a tenant a variant lives on. */
public enum Side { ERP, STORE }
