<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementModels</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision in this period has both a first and a second review yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Weighted κ %1 (95 % interval %2) · %3 agreement · %n rated pair(s)</source>
        <translation>
            <numerusform>Weighted κ %1 (95 % interval %2) · %3 agreement · %n rated pair</numerusform>
            <numerusform>Weighted κ %1 (95 % interval %2) · %3 agreement · %n rated pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · Fleiss&apos; κ %1 over %n adjudicated decision(s)</source>
        <translation>
            <numerusform> · Fleiss&apos; κ %1 over %n adjudicated decision</numerusform>
            <numerusform> · Fleiss&apos; κ %1 over %n adjudicated decisions</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohen&apos;s weighted κ: how much more two reviewers agree than chance would make them, with incorrect &lt; partially correct &lt; correct and a one-step difference counted as half a disagreement. 1 is perfect agreement, 0 is chance level, below 0 worse than chance; above 0.6 is usually read as substantial. The interval is a 95 % bootstrap interval. κ is shown from %1 rated pairs on: with fewer, its interval spans most of the scale and says little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few pairs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted κ: %1 · %2 agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too few pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · Fleiss&apos; κ: too few adjudicated decisions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Accuracy by task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 reviewed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: accuracy %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert threshold (80 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low (0.00–0.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium (0.50–0.70)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good (0.70–0.85)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High (0.85–0.95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very high (0.95–1.00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reviewed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under-confident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence score bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability diagram — ECE %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1–%2: %3 reviewed, mean confidence %4, accuracy %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence vs accuracy of reviewed decisions (%1 most recent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incorrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (jittered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, confidence %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human feedback (%1 reviews)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time percentiles per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time per agent (box: quartiles, whiskers: P5–P95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 decisions)
P5 %3 ms · Q1 %4 ms · median %5 ms · Q3 %6 ms · P95 %7 ms
min %8 ms · max %9 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 decisions (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate by agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 reviews of %3 decisions (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed target (30 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions with feedback (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent (%1…%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percentiles within 1 % (rollup sketches)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review load against wrong decisions left unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 cut from 0.05 to 1.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 up to %1: %2 reviews a day, %3 wrong decisions a day unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 reviews a day, %3 wrong decisions a day unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong decisions unreviewed per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForecastCharts</name>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline %1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 pending expected at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadlines missed from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 deadlines expected missed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days from now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadlines missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;━&lt;/b&gt; expected pending · &lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;╍&lt;/b&gt;&lt;/span&gt; deadlines missed from now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Key figures with 7-day trends and the active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy per agent, per task type and per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence buckets, calibration (ECE) and confidence vs feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time percentiles per day, per agent and per task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Human feedback outcomes and feedback rate per agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions waiting for human review, most urgent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live chat feed: traffic, latency, satisfaction and transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-deployment risk check with its explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every verdict change: who, when, from where; tamper-evident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Significant changes against the previous period, most severe first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseReport</name>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds to the risk score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feature raises the risk above the base value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open reviews of the agents involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P0: %1 open, %2 overdue · P1: %3 open, %4 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 open P0/P1 reviews listed; the review queue has them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release check — cycle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked at %1 · model %2 (CV AUC %3, trained %4) · window %n day(s)</source>
        <translation>
            <numerusform>Checked at %1 · model %2 (CV AUC %3, trained %4) · window %n day</numerusform>
            <numerusform>Checked at %1 · model %2 (CV AUC %3, trained %4) · window %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployment risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk score %1 (%2) · calibrated failure probability %3 % · confidence %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the release check to %1 (%2). Choose a folder where you may create files, or check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release check %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReleaseText</name>
    <message>
        <source>Risk is high (score %1 ≥ 0.70): do not deploy as is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk is medium (score %1): deploy with a rollback plan and close watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk is low (score %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No single factor adds %1 or more to the risk score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 adds %2 to the risk score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address it before deploying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitigate it or accept it explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 P0 review(s) past their deadline (%2): review them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 P1 review(s) past their deadline (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No P0 or P1 review is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 P0 and %2 P1 review(s) open within their deadline (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open P0 or P1 review for the agents involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 critical alert(s) active for the agents involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 high and %2 medium alert(s) active for the agents involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alert for the agents involved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over-confident by %1 or more: %2; their confidence cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over-confident: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent involved is over-confident on its reviewed decisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 was trained %2 days ago (%3 or more): retrain it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 was trained %2 days ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model has no cross-validated AUC: its risk figure is unproven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV AUC %1 &lt; %2: the model barely tells failures apart; its verdict cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV AUC %1 &lt; %2: treat the risk figure as a weak signal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CV AUC %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>%1 to %2 UTC (%n days)</source>
        <translation>
            <numerusform>%1 to %2 UTC (%n day)</numerusform>
            <numerusform>%1 to %2 UTC (%n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent: %1 · Task type: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending P0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atalaya report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atalaya — AI agent telemetry report · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atalaya — AI agent telemetry report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every metric is within the seed 000 thresholds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE %1 over %2 reviewed decisions: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Execution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Human feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the report to %1 (%2). Choose a folder where you may create files, or check that the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The period against the one before it; %n test(s), false-discovery rate 5 % (docs/INSIGHTS.md).</source>
        <translation>
            <numerusform>The period against the one before it; %n test, false-discovery rate 5 % (docs/INSIGHTS.md).</numerusform>
            <numerusform>The period against the one before it; %n tests, false-discovery rate 5 % (docs/INSIGHTS.md).</numerusform>
        </translation>
    </message>
    <message>
        <source>No significant change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P0–P3: median time from the decision&apos;s creation to the reviewer&apos;s verdict. SLA hit rate: first reviews given within the priority&apos;s SLA. Overturned: share of the reviewer&apos;s first and second reviews the adjudicator changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AboutDialog</name>
    <message>
        <source>About Atalaya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review, measure and gate the decisions of AI agents in production.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (the server did not answer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AccuracyPage</name>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each agent&apos;s model versions (metadata.model_version) in the window, each against the one first seen before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many decisions in this period to compare model versions from raw rows (%1); choose one agent or a shorter period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AgreementPairsModel</name>
    <message>
        <source>Share of rated pairs where both reviewers gave the same verdict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weighted κ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AgreementSection</name>
    <message>
        <source>Reviewer agreement (double reviews)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::Alerts</name>
    <message>
        <source>all agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate %1 % is below %2 % (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average accuracy %1 is below %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time P95 %1 ms is above %2 ms (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average confidence %1 is below %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AuditLogModel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incorrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partially correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link %1 of the hash chain
SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not chained yet: another system wrote this row; Atalaya&apos;s next write chains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::AuditLogPage</name>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows so far, newest first; more load as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decision id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatConversationModel</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatFeedClient</name>
    <message>
        <source>a message over the %1-byte cap arrived (dropped, counted as malformed); Qt&apos;s WebSocket closes the connection on it, so it reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text frame that is not valid UTF-8 arrived (dropped, counted as malformed); Qt&apos;s WebSocket closes the connection on it (code 1007), so it reconnects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no WebSocket handshake within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed by the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatHistoryPanel</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last %n day(s) from the chat tables; the live feed&apos;s window is above.</source>
        <translation>
            <numerusform>The last day from the chat tables; the live feed&apos;s window is above.</numerusform>
            <numerusform>The last %n days from the chat tables; the live feed&apos;s window is above.</numerusform>
        </translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of assistant answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message>
        <source>of completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency per day (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatKpiPanel</name>
    <message>
        <source>Active conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages / min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nearest rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of assistant answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n rating</numerusform>
            <numerusform>%n ratings</numerusform>
        </translation>
    </message>
    <message>
        <source>of completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatLiveCharts</name>
    <message>
        <source>Messages per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>msg/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant latency (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatPage</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wss://chat.example/ws/monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the feed&apos;s bearer token in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat feed configured: enter its wss:// URL and connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted chat feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not encrypted and not on this machine: messages and the token travel in clear text. Connect anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat feed token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last event %1 (%2 s ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 events, %2 malformed, %3 ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat tables in this database: showing the live feed only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Grey rows: history from the chat tables (%n conversation(s)).</source>
        <translation>
            <numerusform>Grey rows: history from the chat tables (%n conversation).</numerusform>
            <numerusform>Grey rows: history from the chat tables (%n conversations).</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;b&gt;Token…&lt;/b&gt; stores the right one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database: no chat history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat history unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat tables in this database: the live feed is all there is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · no messages yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatTopIntents</name>
    <message>
        <source>&lt;b&gt;Top intents&lt;/b&gt; (window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers in the window yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Top intents&lt;/b&gt; (period, none live yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ChatTranscriptView</name>
    <message>
        <source>Select a conversation to read its transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review decision #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript kept for this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ConfidencePage</name>
    <message>
        <source>No reviewed decisions in this period: calibration needs human feedback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents are over-confident: their confidence is higher than the accuracy reviewers observe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents are under-confident: reviewers find them right more often than their confidence says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence matches observed accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — ECE %2 over %3 reviewed decisions (mean confidence %4, mean accuracy %5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ConnectionDialog</name>
    <message>
        <source>Connect to database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MySQL / MariaDB server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite files (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/path/to/ca.pem (for verify-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not save the password; ask for it at each start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available here (%1). The password was not saved: Atalaya will ask for it at each start. Press OK again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: mysql://user@replica:3306/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replica of this database: the queue, counts and dashboards are read from it, verdicts and the audit log are written to the server above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the password above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ContributionChart</name>
    <message>
        <source>Why: exact Shapley contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raises the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowers the risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ score vs base %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a check to see which features raise or lower the risk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::DataPage</name>
    <message>
        <source>Not connected to a database. Use File → Connect… to choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load this page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::DataTableView</name>
    <message>
        <source>Export table as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::FeedbackFlow</name>
    <message>
        <source>No local outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 is back in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 kept in the outbox: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 kept the other review: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved #%1: %2 (on a new connection)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::FeedbackPage</name>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reviews of %2 decisions — feedback rate %3 (seed target ≥ 30 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::FilterBar</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>All agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All task types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ForecastPanel</name>
    <message>
        <source>Reviewers on duty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewers working every hour of the forecast; &quot;usual team&quot; is how many gave verdicts at that hour of the week over the last 4 weeks (audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The forecast could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity forecast, next 7 days · all agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every agent&apos;s arrivals and pending decisions, reviewed by the whole team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity forecast, next 7 days · agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agent %1&apos;s arrivals and pending decisions (the page&apos;s agent filter); the reviewers&apos; pace and presence are the whole team&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s) on every hour</source>
        <translation>
            <numerusform>%n reviewer on every hour</numerusform>
            <numerusform>%n reviewers on every hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To keep every deadline: %1 reviewer-hours in the next 24 h, %2 in 7 days (or %n reviewer(s) on every hour). Planned: %3 and %4 (%5).</source>
        <translation>
            <numerusform>To keep every deadline: %1 reviewer-hours in the next 24 h, %2 in 7 days (or %n reviewer on every hour). Planned: %3 and %4 (%5).</numerusform>
            <numerusform>To keep every deadline: %1 reviewer-hours in the next 24 h, %2 in 7 days (or %n reviewers on every hour). Planned: %3 and %4 (%5).</numerusform>
        </translation>
    </message>
    <message>
        <source>No verdicts in the last 4 weeks: the reviewers&apos; pace is unknown, so this forecast reviews nothing and cannot say how many reviewer-hours are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace: %1 verdicts per reviewer-hour (whole team, last 4 weeks).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::GroupTableModel</name>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P99</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ImportanceChart</name>
    <message>
        <source>Feature importance (permutation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet: train one to see which features matter most.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::Insights</name>
    <message>
        <source>Low (&lt; 0.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium (0.50–0.70)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good (0.70–0.85)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High (0.85–0.95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very high (≥ 0.95)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of decisions are High or Very High, below the %2 % target (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of decisions are Low, above the %2 % target (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time P99 %1 ms is not below the %2 ms target (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy %1 is below the %2 target (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1, task type %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy fell from %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time %1 rose from %2 ms to %3 ms (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence distribution shifted (PSI %1): %2 went from %3 % to %4 % of decisions (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate fell from %1 % to %2 % (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions per day went from %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration worsened: ECE went from %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency increase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The risk model was last trained %1 days ago (retrain every %2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past risk predictions were right %1 % of the time against %2 % in the model&apos;s validation (%3 outcomes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk feature drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk model stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk prediction accuracy</source>
        <translation></translation>
    </message>
    <message>
        <source>Model version %1 is slower than %2: P95 %3 ms against %4 ms (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model version %1 is less accurate than %2: %3 against %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk feature “%1” drifted from the model&apos;s training data (PSI %2, %3 recent cycles)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::InsightsModel</name>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline / target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>q-value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::InsightsPage</name>
    <message numerus="yes">
        <source>No significant change: %1 (%n test(s), false-discovery rate 5 %).</source>
        <translation>
            <numerusform>No significant change: %1 (%n test, false-discovery rate 5 %).</numerusform>
            <numerusform>No significant change: %1 (%n tests, false-discovery rate 5 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n test(s), false-discovery rate 5 %.</source>
        <translation>
            <numerusform>%1 — %n test, false-discovery rate 5 %.</numerusform>
            <numerusform>%1 — %n tests, false-discovery rate 5 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold what-if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What other confidence cut-points would do to the review load and to the wrong decisions no one reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (the last complete hour) against %3 to %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::LatencyPage</name>
    <message>
        <source>Task type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::MainWindow</name>
    <message>
        <source>no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdicts waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n verdict(s) given while connected to %1 are not written yet. They wait in its outbox and are sent the next time Atalaya connects to %1.</source>
        <translation>
            <numerusform>%n verdict given while connected to %1 is not written yet. It waits in its outbox and is sent the next time Atalaya connects to %1.</numerusform>
            <numerusform>%n verdicts given while connected to %1 are not written yet. They wait in its outbox and are sent the next time Atalaya connects to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password was given for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Atalaya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atalaya — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ModelVersionsModel</name>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few decisions to test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No significant difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s first version in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against %1 (two-sided tests, significant below p = 0.05):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: fewer than 30 decisions on a side, not tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: difference %2, p = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviewed decisions of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>95 % Wilson interval %1 – %2 of %n reviewed decision(s) (partially correct counts 0.5)</source>
        <translation>
            <numerusform>95 % Wilson interval %1 – %2 of %n reviewed decision (partially correct counts 0.5)</numerusform>
            <numerusform>95 % Wilson interval %1 – %2 of %n reviewed decisions (partially correct counts 0.5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versus previous version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.model_version of the agent&apos;s decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean score of reviewed decisions: correct 1, partially correct 0.5, incorrect 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % Wilson score interval of the accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile of the execution time (nearest rank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected calibration error over 10 confidence bins of reviewed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each version against the one first seen before it: accuracy by a two-proportion test, P95 by a quantile test, ECE by a z-test; significant when p &lt; 0.05</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::OverviewPage</name>
    <message>
        <source>Total decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time P95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending P0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>vs previous %n days</source>
        <translation>
            <numerusform>vs previous %n day</numerusform>
            <numerusform>vs previous %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no data in the previous %n days</source>
        <translation>
            <numerusform>no data in the previous %n day</numerusform>
            <numerusform>no data in the previous %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>most urgent pending reviews, all dates (review queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts: none — every metric is within the seed thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed: nothing significant against the previous period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What changed (%n)</source>
        <translation>
            <numerusform>What changed (%n)</numerusform>
            <numerusform>What changed (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed: could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::PdfExportJob</name>
    <message>
        <source>Reading the data for the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the report&apos;s data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::PriorityCountChips</name>
    <message>
        <source>%1 % sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>within %n week(s)</source>
        <translation>
            <numerusform>within %n week</numerusform>
            <numerusform>within %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n day(s)</source>
        <translation>
            <numerusform>within %n day</numerusform>
            <numerusform>within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n h</source>
        <translation>
            <numerusform>within %n h</numerusform>
            <numerusform>within %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): pending decisions and how many are past their deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: decisions of this priority waiting in this view for you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::QueueCountsRebuild</name>
    <message>
        <source>this account may not create the triggers that keep the counts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReleaseCheckDialog</name>
    <message>
        <source>Release check — cycle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk score %1 (%2) · model %3 · agents: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as decision #%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save release check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReleaseReasonsModel</name>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go with conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model AUC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReplicaLagIndicator</name>
    <message>
        <source>Replica lag —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Replica lag %n s</source>
        <translation>
            <numerusform>Replica lag %n s</numerusform>
            <numerusform>Replica lag %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue, counts and dashboards are read from the replica %1; verdicts and the audit log are written to %2. Right after your own verdict, reads go to %2 until the replica has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag from the heartbeat row the primary rewrites (this account may not read SHOW SLAVE STATUS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag from SHOW SLAVE STATUS (Seconds_Behind_Master).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Warning above %n s (Settings).</source>
        <translation>
            <numerusform>Warning above %n s (Settings).</numerusform>
            <numerusform>Warning above %n s (Settings).</numerusform>
        </translation>
    </message>
    <message>
        <source>Replica down: reading from the primary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewDetailPane</name>
    <message>
        <source>The selected decision, its metadata and who reviewed it before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind review: the first verdict, its note and its reviewer are shown once yours is in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews to adjudicate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewQueueModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P0 within 1 hour, P1 within 24 hours, P2 within a week, P3 sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the rules put this decision in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left before the review deadline, or how late it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewQueuePage</name>
    <message>
        <source>Reviewed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.

Overwrite that review with yours?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows move, 1 correct, 2 incorrect, 3 partially correct, Ctrl+Z undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved with the next verdict; press Tab or click the table to use the keys again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1  Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2  Incorrect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3  Partially correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was right (accuracy 1.0) — key 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was wrong (accuracy 0.0) — key 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly right (accuracy 0.5) — key 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback is disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision #%1 is not waiting for review (reviewed already, or not in this database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue is shown; its counts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recounting the queue for the new rules; counts are read from the decisions meanwhile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue counts follow the new rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts are read from the decisions (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the P0–P3 rules, deadlines and the P3 sample (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln decision(s) waiting for review</source>
        <translation>
            <numerusform>%Ln decision waiting for review</numerusform>
            <numerusform>%Ln decisions waiting for review</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback is on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone; the decision is back in its own view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions waiting for their first review — Alt+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed decisions picked for a blind second review by another reviewer — Alt+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions whose first and second reviews disagree — Alt+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln of your first reviews wait for another reviewer&apos;s second review.</source>
        <translation>
            <numerusform>%n of your first reviews waits for another reviewer&apos;s second review.</numerusform>
            <numerusform>%n of your first reviews wait for another reviewer&apos;s second review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disagreement(s) you reviewed wait for a third reviewer: an adjudication cannot come from either of the two reviewers.</source>
        <translation>
            <numerusform>%n disagreement you reviewed waits for a third reviewer: an adjudication cannot come from either of the two reviewers.</numerusform>
            <numerusform>%n disagreements you reviewed wait for a third reviewer: an adjudication cannot come from either of the two reviewers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your verdict on #%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRules</name>
    <message>
        <source>invalid confidence %1 (outside 0–1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 &lt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 in [%2, %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence %1 &gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deployment/rollback task (%v)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>affects %v teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical code review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>routine %v</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRulesEditor</name>
    <message>
        <source>Each pending decision gets the most urgent priority with a matching condition. Changes apply to the queue and its counts as soon as they are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review within (hours, 0 = no deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share queued (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours from the decision to its review deadline; 0 = no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this stable share of the matching decisions is queued (the same for every reviewer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules of the review guide: P0 deployments, rollbacks and confidence below 0.70, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second review of reviewed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stable share of the reviewed decisions gets a blind second review by another reviewer; disagreements go to adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and every P0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every reviewed P0 decision gets a second review too</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRulesModel</name>
    <message>
        <source>task type &quot;%1&quot; is longer than 50 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the confidence &quot;%1&quot; must be a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upper confidence &quot;%1&quot; must be a number from 0 to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the range starts at %1, above its end %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list at least one task type, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; must be names of letters, digits and _ joined by dots (e.g. environment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>say which value the key must have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no rules nothing would be queued: add at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence from … to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task type is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key equals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key is a number above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: the end of the range is included (confidence ≤ end)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task types that match, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for these task types (empty: any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision gets the most urgent priority with a matching condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence threshold (0–1), range start, or the value the key must have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look the key up in the decision&apos;s metadata or in the decision itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key in the JSON, dotted for nested keys (environment, action, build.stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason shown to reviewers; %v is the matched value; empty: generated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewerAgreementModel</name>
    <message>
        <source>%1 first reviews, %2 second reviews, %3 adjudications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 first reviews within the SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 verdicts overturned; %3 went to adjudication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median time from the decision&apos;s creation to this reviewer&apos;s verdict, %1 decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the reviewer&apos;s first reviews given within the SLA of the decision&apos;s priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the reviewer&apos;s first and second reviews the adjudicator overturned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SLA hit rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overturned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskBatchModel</name>
    <message>
        <source>Above %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P(failure)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskBatchPanel</name>
    <message>
        <source>Select cycles (Shift, Ctrl, Ctrl+A) and predict them together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cycle is gated when its risk score is above this value (the CLI&apos;s --fail-above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gate above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cycle(s) above %2.</source>
        <translation>
            <numerusform>%1 of %n cycle above %2.</numerusform>
            <numerusform>%1 of %n cycles above %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atalaya::RiskFeatures</name>
    <message>
        <source>Lead time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed tests (7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments (7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code review score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskForm</name>
    <message>
        <source>Cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What-if (typed values)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskGauge</name>
    <message>
        <source>Very low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskModelPanel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate even if checks fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No active model.&lt;/b&gt; Train one from the delivery history with &lt;i&gt;Retrain&lt;/i&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time split: not enough history on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time split (older %1 → newest %2): accuracy %3 · F1 %4 · ROC AUC %5 · Brier %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; trained %2 on the last %3 days&lt;br&gt;%4 samples, failure rate %5 %; %6-fold cross-validation (out-of-fold):&lt;br&gt;accuracy %7 · precision %8 · recall %9 · F1 %10 · ROC AUC %11 · Brier %12&lt;br&gt;%13&lt;br&gt;probability calibration: %14&lt;br&gt;%15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskMonitorPanel</name>
    <message>
        <source>Days since the active model was trained; retrain after %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded predictions (Record this check, risk predict --record) of cycles whose outcome arrived since, over the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded risk scores per week: 10th percentile, median and 90th percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Population stability index of each feature: cycles of the last 30 days against the model&apos;s training data. 0.10 or more is a drift, 0.25 or more a large one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 trained %2 days ago: retrain it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1 trained %2 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded prediction has an outcome yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past predictions: accuracy %1, Brier %2, AUC %3 (n = %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 training rows, %2 recent cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recorded predictions yet. “Record this check” on the Deployment tab, or atalaya-cli risk predict --record, adds one; the chart of their risk scores appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskPage</name>
    <message>
        <source>Reading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growing trees…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature importance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the prediction as a decision of deployment-risk-predictor, so reviewers can judge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading cycle %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle %1 failed in reality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle %1 succeeded in reality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as decision #%1; it now waits for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training cancelled; nothing stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored and activated %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored %1 but not activated: the validation checks failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now the active model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choosing settings by cross-validation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go / no-go for the picked cycle: its risk, the involved agents&apos; reviews, alerts and calibration, and the model&apos;s age and AUC. The check is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several cycles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking cycle %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model monitoring: the model&apos;s age, the accuracy of its recorded predictions, their risk scores and each feature&apos;s drift from the training data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::RiskPredictionView</name>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk score %1 · confidence %2 · calibrated failure probability %3 % · base %4 · model %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model with Retrain to predict deployment risk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::ScreenshotRunner</name>
    <message>
        <source>error: unknown page &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: page %1 failed to load: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::SessionPanel</name>
    <message>
        <source>Preparing tables (rollups %1 %)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry, or choose another database with Connect…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded with every verdict in the audit log; empty: your user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a page or a verdict waits when another program holds a lock on the data, before saying so; applies from the next connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for locked data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a read replica: the status bar warns when the replica is further behind the primary than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn when the replica lags more than</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::StatusPanel</name>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live feed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every time Atalaya shows is in UTC, the time zone of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection to %1 lost, reconnecting every %n s: %2</source>
        <translation>
            <numerusform>Connection to %1 lost, reconnecting every %n s: %2</numerusform>
            <numerusform>Connection to %1 lost, reconnecting every %n s: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atalaya::WhatIfPanel</name>
    <message>
        <source>P&amp;0 below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;1 below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;2 up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions with a confidence below this are P0: reviewed within the P0 deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions from the P0 cut to below this are P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions from the P1 cut up to this one are P2; above it they are P3, of which only a sample is reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current, a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed, a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P0 reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1 reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P2 reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P3 reviews (sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong decisions unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected wrong decisions a day that no reviewer sees: an incorrect decision counts 1, a partially correct one 0.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply as rule set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store these cut-points as the review rules (asks first); the queue re-prioritises at once and the other rules stay as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from %1 reviewed of %2 decisions over %3 days, from each confidence band&apos;s error rate. Current rules: %4. Only confidence and task-type rules are evaluated; rules on metadata lift some decisions higher than shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P0 below %1, P1 below %2, P2 up to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confidence rules of another shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence %1–%2: %3 a day, %4 reviewed, error rate %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store P0 below %1, P1 below %2 and P2 up to %3 as the review rules? The queue re-prioritises at once; rules on task types and metadata, deadlines and the P3 sample stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply as rule set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>atalaya::charts</name>
    <message>
        <source>No decisions in this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no display found: rendering every page to %1 and printing the overview JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
