package dev.enlace.catalog.api;

import dev.enlace.catalog.domain.SkuMatcher;

import java.util.List;

/**
 * What a link-by-SKU run did (CA1).
 *
 * @param linked        links created by this run
 * @param alreadyLinked pairs found that were linked before (by any method)
 * @param ambiguous     SKUs repeated on either side: never linked automatically, listed with
 *                      every candidate so they can be linked by hand
 */
public record LinkBySkuReport(int erpVariants, int storeVariants, int linked, int alreadyLinked,
        List<SkuMatcher.Ambiguous> ambiguous, int erpOnly, int storeOnly, int withoutSku) {
}
