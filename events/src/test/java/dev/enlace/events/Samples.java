package dev.enlace.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Builds instances of the contract's records by reflection, so that a component added to a
 * record is covered without anyone writing a new sample.
 */
final class Samples {

    private Samples() {
    }

    /** Every component set, lists with one element. */
    static <R extends Record> R complete(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = valueOf(components[i].getGenericType());
        }
        return construct(type, values);
    }

    /** Every component the record accepts null for is null, also in nested records. */
    static <R extends Record> R sparse(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            if (!acceptsNull(component)) {
                values[i] = valueOf(component.getGenericType());
            }
        }
        try {
            return construct(type, sparseNestedRecords(components, values));
        } catch (NullPointerException outerNeedsMore) {
            // e.g. CustomerSaved needs the customer's id, which a bare CustomerSnapshot may lack
            return construct(type, values);
        }
    }

    /**
     * Whether the record's canonical constructor takes null for this component: the schema's
     * rule for nullable properties. A primitive never does.
     */
    static boolean acceptsNull(RecordComponent component) {
        if (component.getType().isPrimitive()) {
            return false;
        }
        Class<? extends Record> type = recordType(component.getDeclaringRecord());
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            // getRecordComponents() returns new objects on every call: compare by name
            boolean probed = components[i].getName().equals(component.getName());
            values[i] = probed ? null : valueOf(components[i].getGenericType());
        }
        try {
            construct(type, values);
            return true;
        } catch (NullPointerException rejected) {
            return false;
        }
    }

    private static Object[] sparseNestedRecords(RecordComponent[] components, Object[] values) {
        Object[] nested = values.clone();
        for (int i = 0; i < components.length; i++) {
            if (nested[i] != null && components[i].getType().isRecord()) {
                nested[i] = sparse(recordType(components[i].getType()));
            }
        }
        return nested;
    }

    private static Object valueOf(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(valueOf(list.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "text";
        } else if (raw == BigDecimal.class) {
            return new BigDecimal("1990.50");
        } else if (raw == Long.class || raw == long.class) {
            return 12L;
        } else if (raw == Boolean.class || raw == boolean.class) {
            return true;
        } else if (raw == OffsetDateTime.class) {
            return OffsetDateTime.parse("2026-11-24T09:30:00.123-03:00");
        } else if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        } else if (raw.isRecord()) {
            return complete(recordType(raw));
        }
        throw new IllegalArgumentException("no sample value for " + type + "; teach Samples this type");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> recordType(Class<?> type) {
        return (Class<? extends Record>) type;
    }

    private static <R extends Record> R construct(Class<R> type, Object[] values) {
        Class<?>[] parameterTypes = Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(parameterTypes);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof NullPointerException npe) {
                throw npe;
            }
            throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
        }
    }
}
