package lab.overload.models.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** Reflection helpers for scenario records: read a component, build a record, copy with one component changed. */
public final class Records {
    /**
     * The record components of each class, looked up once: {@code Class.getRecordComponents()} parses them again on
     * every call, and every parameter change (a timeline entry, a slider) reads them several times.
     */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private Records() {
    }

    /** The value of the named component. */
    public static Object get(Record record, String component) {
        for (RecordComponent rc : COMPONENTS.get(record.getClass())) {
            if (rc.getName().equals(component)) {
                try {
                    return rc.getAccessor().invoke(record);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no field '" + component + "' in " + record.getClass().getSimpleName());
    }

    /** A copy of the record with one component replaced; the canonical constructor validates it. */
    public static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] rcs = COMPONENTS.get(record.getClass());
        Object[] args = new Object[rcs.length];
        boolean found = false;
        for (int i = 0; i < rcs.length; i++) {
            if (rcs[i].getName().equals(component)) {
                args[i] = value;
                found = true;
            } else {
                args[i] = get(record, rcs[i].getName());
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no field '" + component + "' in "
                    + record.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) record.getClass();
        return construct(type, args);
    }

    /** Calls the canonical constructor; a validation failure surfaces as its IllegalArgumentException. */
    public static <R extends Record> R construct(Class<R> type, Object[] args) {
        RecordComponent[] rcs = COMPONENTS.get(type);
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Converts a field's numeric encoding to the Java value its record component holds: int, long, double, boolean
     * or the enum constant.
     */
    public static Object fromEncoded(Class<?> componentType, double encoded) {
        if (componentType == int.class) {
            return (int) encoded;
        } else if (componentType == long.class) {
            return (long) encoded;
        } else if (componentType == double.class) {
            return encoded;
        } else if (componentType == boolean.class) {
            return encoded != 0;
        } else if (componentType.isEnum()) {
            return componentType.getEnumConstants()[(int) encoded];
        }
        throw new IllegalArgumentException("not a scalar type: " + componentType);
    }

    /** The numeric encoding of a scalar component value (booleans 0/1, enums their ordinal). */
    public static double toEncoded(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        } else if (value instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (value instanceof Enum<?> e) {
            return e.ordinal();
        }
        throw new IllegalArgumentException("not a scalar value: " + value);
    }

    /** The declared type of a component. */
    public static Class<?> componentType(Class<? extends Record> type, String component) {
        for (RecordComponent rc : COMPONENTS.get(type)) {
            if (rc.getName().equals(component)) {
                return rc.getType();
            }
        }
        throw new IllegalArgumentException("no field '" + component + "' in " + type.getSimpleName());
    }
}
