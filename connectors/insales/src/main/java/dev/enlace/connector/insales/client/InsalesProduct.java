package dev.enlace.connector.insales.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A product as inSales lists it, with its variants embedded. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsalesProduct(long id, String title, Boolean archived, List<InsalesVariant> variants) {
}
