package org.peertel.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One evaluated day as the incident lifecycle needs it: the alerts that fired, and per registered connection the
 * rules that could be judged ({@link AlertEvaluator#judge}).
 *
 * @param judged connection id to the rules judged for it; a connection that is absent was not in the day's registry.
 *               Null for a day evaluated by a peertel from before the lifecycle, which kept no judgements: such a
 *               day continues and opens incidents by its alerts, but resolves none.
 */
public record JudgedDay(LocalDate day, Map<String, Set<AlertRule>> judged, List<Alert> alerts) {

    /** A day evaluated before judgements were kept. */
    public static JudgedDay withoutJudgements(LocalDate day, List<Alert> alerts) {
        return new JudgedDay(day, null, alerts);
    }
}
