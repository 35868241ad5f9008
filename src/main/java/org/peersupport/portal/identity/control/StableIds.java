package org.peersupport.portal.identity.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns the directory's stable id attribute into text: OpenLDAP's {@code entryUUID} is already text; Active
 * Directory's {@code objectGUID} is 16 bytes in Microsoft's mixed-endian GUID layout.
 */
public final class StableIds {

    private StableIds() {
    }

    public static boolean isBinaryGuid(String attribute) {
        return attribute.toLowerCase(Locale.ROOT).equals("objectguid");
    }

    public static String fromObjectGuid(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            throw new IllegalArgumentException("an objectGUID has 16 bytes");
        }
        ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long timeLow = little.getInt(0) & 0xffffffffL;
        long timeMid = little.getShort(4) & 0xffffL;
        long timeHigh = little.getShort(6) & 0xffffL;
        long msb = (timeLow << 32) | (timeMid << 16) | timeHigh;
        long lsb = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(msb, lsb).toString();
    }
}
