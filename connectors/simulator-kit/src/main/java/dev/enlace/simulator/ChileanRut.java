package dev.enlace.simulator;

/**
 * The Chilean tax id (RUT) check: body digits weighted 2..7 from the right, modulo 11 gives the
 * verifier ({@code K} for 10). Shared by the simulators of Chilean ERPs.
 */
public final class ChileanRut {
    private ChileanRut() {
    }

    /** Accepts "12345678-5", "12.345.678-5" and a lower-case "k" verifier. */
    public static boolean isValid(String rut) {
        if (rut == null) {
            return false;
        }
        String clean = rut.replace(".", "").trim();
        int dash = clean.lastIndexOf('-');
        if (dash < 1 || dash != clean.length() - 2) {
            return false;
        }
        String body = clean.substring(0, dash);
        if (!body.chars().allMatch(Character::isDigit) || body.length() > 9) {
            return false;
        }
        return verifier(body) == Character.toUpperCase(clean.charAt(dash + 1));
    }

    /** "12.345.678-k" to "12345678-K", the form lookups compare. */
    public static String normalize(String rut) {
        return rut == null ? null : rut.replace(".", "").trim().toUpperCase();
    }

    public static String withVerifier(String body) {
        return body + "-" + verifier(body);
    }

    public static char verifier(String body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int v = 11 - sum % 11;
        return v == 11 ? '0' : v == 10 ? 'K' : (char) ('0' + v);
    }
}
