package org.peertel.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Days as people read a list of them in one line. */
public final class DayList {

    private DayList() {}

    /**
     * The days in order, consecutive ones written as a range: {@code 2026-03-02, 2026-03-04 .. 2026-03-06}.
     *
     * @param days distinct days in ascending order
     */
    public static String compact(List<LocalDate> days) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < days.size(); ) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).equals(days.get(j).plusDays(1))) {
                j++;
            }
            parts.add(i == j ? days.get(i).toString() : days.get(i) + " .. " + days.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
