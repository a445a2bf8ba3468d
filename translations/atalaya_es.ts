<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AgreementModels</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>No decision in this period has both a first and a second review yet.</source>
        <translation>Ninguna decisión de este periodo tiene todavía una primera y una segunda revisión.</translation>
    </message>
    <message numerus="yes">
        <source>Weighted κ %1 (95 % interval %2) · %3 agreement · %n rated pair(s)</source>
        <translation>
            <numerusform>κ ponderada %1 (intervalo del 95 % %2) · %3 de acuerdo · %n par revisado</numerusform>
            <numerusform>κ ponderada %1 (intervalo del 95 % %2) · %3 de acuerdo · %n pares revisados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · Fleiss&apos; κ %1 over %n adjudicated decision(s)</source>
        <translation>
            <numerusform> · κ de Fleiss %1 sobre %n decisión arbitrada</numerusform>
            <numerusform> · κ de Fleiss %1 sobre %n decisiones arbitradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Cohen&apos;s weighted κ: how much more two reviewers agree than chance would make them, with incorrect &lt; partially correct &lt; correct and a one-step difference counted as half a disagreement. 1 is perfect agreement, 0 is chance level, below 0 worse than chance; above 0.6 is usually read as substantial. The interval is a 95 % bootstrap interval. κ is shown from %1 rated pairs on: with fewer, its interval spans most of the scale and says little.</source>
        <translation>κ ponderada de Cohen: cuánto más coinciden dos revisores de lo que coincidirían por azar, con incorrecto &lt; parcialmente correcto &lt; correcto y una diferencia de un paso contada como media discrepancia. 1 es acuerdo perfecto, 0 es el nivel del azar y por debajo de 0 peor que el azar; por encima de 0,6 suele leerse como sustancial. El intervalo es un intervalo bootstrap del 95 %. La κ se muestra a partir de %1 pares valorados: con menos, su intervalo abarca casi toda la escala y dice poco.</translation>
    </message>
    <message>
        <source>too few pairs (%1)</source>
        <translation>muy pocos pares (%1)</translation>
    </message>
    <message>
        <source>Weighted κ: %1 · %2 agreement</source>
        <translation>κ ponderada: %1 · %2 de acuerdo</translation>
    </message>
    <message>
        <source>too few pairs</source>
        <translation>muy pocos pares</translation>
    </message>
    <message>
        <source> · Fleiss&apos; κ: too few adjudicated decisions (%1)</source>
        <translation> · κ de Fleiss: muy pocas decisiones arbitradas (%1)</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Accuracy by task type</source>
        <translation>Precisión por tipo de tarea</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>%1: accuracy %2 over %3 reviewed decisions</source>
        <translation>%1: precisión %2 sobre %3 decisiones revisadas</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>Precisión (%)</translation>
    </message>
    <message>
        <source>Accuracy per day</source>
        <translation>Precisión por día</translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation>Precisión media</translation>
    </message>
    <message>
        <source>%1: accuracy %2 %</source>
        <translation>%1: precisión %2 %</translation>
    </message>
    <message>
        <source>Alert threshold (80 %)</source>
        <translation>Umbral de alerta (80 %)</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Día (UTC)</translation>
    </message>
    <message>
        <source>Low (0.00–0.50)</source>
        <translation>Baja (0.00–0.50)</translation>
    </message>
    <message>
        <source>Medium (0.50–0.70)</source>
        <translation>Media (0.50–0.70)</translation>
    </message>
    <message>
        <source>Good (0.70–0.85)</source>
        <translation>Buena (0.70–0.85)</translation>
    </message>
    <message>
        <source>High (0.85–0.95)</source>
        <translation>Alta (0.85–0.95)</translation>
    </message>
    <message>
        <source>Very high (0.95–1.00)</source>
        <translation>Muy alta (0.95–1.00)</translation>
    </message>
    <message>
        <source>no reviewed decisions</source>
        <translation>sin decisiones revisadas</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation>calibrado</translation>
    </message>
    <message>
        <source>over-confident</source>
        <translation>exceso de confianza</translation>
    </message>
    <message>
        <source>under-confident</source>
        <translation>falta de confianza</translation>
    </message>
    <message>
        <source>Confidence distribution</source>
        <translation>Distribución de la confianza</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Confidence score bucket</source>
        <translation>Intervalo de puntuación de confianza</translation>
    </message>
    <message>
        <source>Reliability diagram — ECE %1, %2</source>
        <translation>Diagrama de fiabilidad — ECE %1, %2</translation>
    </message>
    <message>
        <source>Perfect calibration</source>
        <translation>Calibración perfecta</translation>
    </message>
    <message>
        <source>Observed accuracy</source>
        <translation>Precisión observada</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Intervalos</translation>
    </message>
    <message>
        <source>Confidence %1–%2: %3 reviewed, mean confidence %4, accuracy %5</source>
        <translation>Confianza %1–%2: %3 revisadas, confianza media %4, precisión %5</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>Confianza media</translation>
    </message>
    <message>
        <source>Confidence vs accuracy of reviewed decisions (%1 most recent)</source>
        <translation>Confianza frente a precisión de las decisiones revisadas (las %1 más recientes)</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Partially correct</source>
        <translation>Parcialmente correcto</translation>
    </message>
    <message>
        <source>Incorrect</source>
        <translation>Incorrecto</translation>
    </message>
    <message>
        <source>Confidence score</source>
        <translation>Puntuación de confianza</translation>
    </message>
    <message>
        <source>Accuracy (jittered)</source>
        <translation>Precisión (con dispersión)</translation>
    </message>
    <message>
        <source>%1, confidence %2</source>
        <translation>%1, confianza %2</translation>
    </message>
    <message>
        <source>Human feedback (%1 reviews)</source>
        <translation>Feedback humano (%1 revisiones)</translation>
    </message>
    <message>
        <source>Execution time percentiles per day</source>
        <translation>Percentiles del tiempo de ejecución por día</translation>
    </message>
    <message>
        <source>%1 %2: %3 ms</source>
        <translation>%1 %2: %3 ms</translation>
    </message>
    <message>
        <source>Execution time (ms)</source>
        <translation>Tiempo de ejecución (ms)</translation>
    </message>
    <message>
        <source>Execution time per agent (box: quartiles, whiskers: P5–P95)</source>
        <translation>Tiempo de ejecución por agente (caja: cuartiles, bigotes: P5–P95)</translation>
    </message>
    <message>
        <source>%1 (%2 decisions)
P5 %3 ms · Q1 %4 ms · median %5 ms · Q3 %6 ms · P95 %7 ms
min %8 ms · max %9 ms</source>
        <translation>%1 (%2 decisiones)
P5 %3 ms · Q1 %4 ms · mediana %5 ms · Q3 %6 ms · P95 %7 ms
mín. %8 ms · máx. %9 ms</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>%1: %2 decisions (%3)</source>
        <translation>%1: %2 decisiones (%3)</translation>
    </message>
    <message>
        <source>Feedback rate by agent</source>
        <translation>Tasa de feedback por agente</translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation>Tasa de feedback</translation>
    </message>
    <message>
        <source>%1: %2 reviews of %3 decisions (%4)</source>
        <translation>%1: %2 revisiones de %3 decisiones (%4)</translation>
    </message>
    <message>
        <source>Seed target (30 %)</source>
        <translation>Objetivo de la semilla (30 %)</translation>
    </message>
    <message>
        <source>Decisions with feedback (%)</source>
        <translation>Decisiones con feedback (%)</translation>
    </message>
    <message>
        <source>Agent (%1…%2)</source>
        <translation>Agente (%1…%2)</translation>
    </message>
    <message>
        <source>Percentiles within 1 % (rollup sketches)</source>
        <translation>Percentiles con un error de hasta el 1 % (resúmenes de los rollups)</translation>
    </message>
    <message>
        <source>Review load against wrong decisions left unreviewed</source>
        <translation>Carga de revisión frente a decisiones erróneas sin revisar</translation>
    </message>
    <message>
        <source>P2 cut from 0.05 to 1.00</source>
        <translation>Corte P2 de 0,05 a 1,00</translation>
    </message>
    <message>
        <source>P2 up to %1: %2 reviews a day, %3 wrong decisions a day unreviewed</source>
        <translation>P2 hasta %1: %2 revisiones al día, %3 decisiones erróneas al día sin revisar</translation>
    </message>
    <message>
        <source>Current rules</source>
        <translation>Reglas actuales</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>%1: %2 reviews a day, %3 wrong decisions a day unreviewed</source>
        <translation>%1: %2 revisiones al día, %3 decisiones erróneas al día sin revisar</translation>
    </message>
    <message>
        <source>Reviews per day</source>
        <translation>Revisiones al día</translation>
    </message>
    <message>
        <source>Wrong decisions unreviewed per day</source>
        <translation>Decisiones erróneas sin revisar al día</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (en curso)</translation>
    </message>
    <message>
        <source>%1: %2 decisions</source>
        <translation>%1: %2 decisiones</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
</context>
<context>
    <name>ForecastCharts</name>
    <message>
        <source>no deadline</source>
        <translation>sin plazo</translation>
    </message>
    <message>
        <source>deadline %1 d</source>
        <translation>plazo %1 d</translation>
    </message>
    <message>
        <source>deadline %1 h</source>
        <translation>plazo %1 h</translation>
    </message>
    <message>
        <source>expected pending</source>
        <translation>pendientes previstas</translation>
    </message>
    <message>
        <source>%1: %2 pending expected at %3</source>
        <translation>%1: %2 pendientes previstas a las %3</translation>
    </message>
    <message>
        <source>deadlines missed from now</source>
        <translation>plazos incumplidos desde ahora</translation>
    </message>
    <message>
        <source>%1: %2 deadlines expected missed by %3</source>
        <translation>%1: %2 plazos incumplidos previstos hasta %3</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>revisiones</translation>
    </message>
    <message>
        <source>days from now</source>
        <translation>días desde ahora</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidas</translation>
    </message>
    <message>
        <source>Deadlines missed</source>
        <translation>Plazos incumplidos</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>&lt;b&gt;━&lt;/b&gt; expected pending · &lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;╍&lt;/b&gt;&lt;/span&gt; deadlines missed from now</source>
        <translation>&lt;b&gt;━&lt;/b&gt; pendientes previstas · &lt;span style=&quot;color:%1&quot;&gt;&lt;b&gt;╍&lt;/b&gt;&lt;/span&gt; plazos incumplidos desde ahora</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Key figures with 7-day trends and the active alerts</source>
        <translation>Cifras clave con tendencias de 7 días y las alertas activas</translation>
    </message>
    <message>
        <source>Accuracy per agent, per task type and per day</source>
        <translation>Precisión por agente, por tipo de tarea y por día</translation>
    </message>
    <message>
        <source>Confidence buckets, calibration (ECE) and confidence vs feedback</source>
        <translation>Tramos de confianza, calibración (ECE) y confianza frente a feedback</translation>
    </message>
    <message>
        <source>Execution time percentiles per day, per agent and per task type</source>
        <translation>Percentiles del tiempo de ejecución por día, por agente y por tipo de tarea</translation>
    </message>
    <message>
        <source>Human feedback outcomes and feedback rate per agent</source>
        <translation>Resultados del feedback humano y tasa de feedback por agente</translation>
    </message>
    <message>
        <source>Decisions waiting for human review, most urgent first</source>
        <translation>Decisiones pendientes de revisión humana, las más urgentes primero</translation>
    </message>
    <message>
        <source>Live chat feed: traffic, latency, satisfaction and transcripts</source>
        <translation>Feed de chat en vivo: tráfico, latencia, satisfacción y transcripciones</translation>
    </message>
    <message>
        <source>Pre-deployment risk check with its explanation</source>
        <translation>Evaluación del riesgo previa al despliegue, con su explicación</translation>
    </message>
    <message>
        <source>Every verdict change: who, when, from where; tamper-evident</source>
        <translation>Cada cambio de veredicto: quién, cuándo, desde dónde; a prueba de manipulación</translation>
    </message>
    <message>
        <source>Significant changes against the previous period, most severe first</source>
        <translation>Cambios significativos frente al periodo anterior, los más graves primero</translation>
    </message>
</context>
<context>
    <name>ReleaseReport</name>
    <message>
        <source>Verdict: %1</source>
        <translation>Veredicto: %1</translation>
    </message>
    <message>
        <source>Factor</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Adds to the risk score</source>
        <translation>Suma a la puntuación de riesgo</translation>
    </message>
    <message>
        <source>No feature raises the risk above the base value.</source>
        <translation>Ninguna variable eleva el riesgo por encima del valor base.</translation>
    </message>
    <message>
        <source>Open reviews of the agents involved</source>
        <translation>Revisiones abiertas de los agentes implicados</translation>
    </message>
    <message>
        <source>Agents: %1</source>
        <translation>Agentes: %1</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <source>P0: %1 open, %2 overdue · P1: %3 open, %4 overdue</source>
        <translation>P0: %1 abiertas, %2 vencidas · P1: %3 abiertas, %4 vencidas</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Tipo de tarea</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(vencida)</translation>
    </message>
    <message>
        <source>%1 of %2 open P0/P1 reviews listed; the review queue has them all.</source>
        <translation>Se listan %1 de %2 revisiones P0/P1 abiertas; la cola de revisión las tiene todas.</translation>
    </message>
    <message>
        <source>Release check — cycle %1</source>
        <translation>Control de despliegue — ciclo %1</translation>
    </message>
    <message numerus="yes">
        <source>Checked at %1 · model %2 (CV AUC %3, trained %4) · window %n day(s)</source>
        <translation>
            <numerusform>Comprobado el %1 · modelo %2 (AUC de VC %3, entrenado el %4) · ventana de %n día</numerusform>
            <numerusform>Comprobado el %1 · modelo %2 (AUC de VC %3, entrenado el %4) · ventana de %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployment risk</source>
        <translation>Riesgo del despliegue</translation>
    </message>
    <message>
        <source>Risk score %1 (%2) · calibrated failure probability %3 % · confidence %4</source>
        <translation>Puntuación de riesgo %1 (%2) · probabilidad calibrada de fallo %3 % · confianza %4</translation>
    </message>
    <message>
        <source>Cannot write the release check to %1 (%2). Choose a folder where you may create files, or check that the disk is not full.</source>
        <translation>No se puede escribir el control de despliegue en %1 (%2). Elija una carpeta donde pueda crear archivos o compruebe que el disco no está lleno.</translation>
    </message>
    <message>
        <source>Release check %1</source>
        <translation>Control de despliegue %1</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation>no se pudo dibujar el PDF</translation>
    </message>
</context>
<context>
    <name>ReleaseText</name>
    <message>
        <source>Risk is high (score %1 ≥ 0.70): do not deploy as is.</source>
        <translation>El riesgo es alto (puntuación %1 ≥ 0.70): no despliegue tal como está.</translation>
    </message>
    <message>
        <source>Risk is medium (score %1): deploy with a rollback plan and close watch.</source>
        <translation>El riesgo es medio (puntuación %1): despliegue con un plan de marcha atrás y vigilancia estrecha.</translation>
    </message>
    <message>
        <source>Risk is low (score %1).</source>
        <translation>El riesgo es bajo (puntuación %1).</translation>
    </message>
    <message>
        <source>No single factor adds %1 or more to the risk score.</source>
        <translation>Ningún factor por sí solo suma %1 o más a la puntuación de riesgo.</translation>
    </message>
    <message>
        <source>%1 adds %2 to the risk score.</source>
        <translation>El factor «%1» suma %2 a la puntuación de riesgo.</translation>
    </message>
    <message>
        <source>Address it before deploying.</source>
        <translation>Corríjalo antes de desplegar.</translation>
    </message>
    <message>
        <source>Mitigate it or accept it explicitly.</source>
        <translation>Mitíguelo o acéptelo de forma explícita.</translation>
    </message>
    <message>
        <source>%1 P0 review(s) past their deadline (%2): review them first.</source>
        <translation>%1 revisión(es) P0 fuera de plazo (%2): revíselas primero.</translation>
    </message>
    <message>
        <source>%1 P1 review(s) past their deadline (%2).</source>
        <translation>%1 revisión(es) P1 fuera de plazo (%2).</translation>
    </message>
    <message>
        <source>No P0 or P1 review is overdue.</source>
        <translation>Ninguna revisión P0 o P1 está vencida.</translation>
    </message>
    <message>
        <source>%1 P0 and %2 P1 review(s) open within their deadline (%3).</source>
        <translation>%1 revisión(es) P0 y %2 P1 abiertas dentro de plazo (%3).</translation>
    </message>
    <message>
        <source>No open P0 or P1 review for the agents involved.</source>
        <translation>Ninguna revisión P0 o P1 abierta para los agentes implicados.</translation>
    </message>
    <message>
        <source>%1 critical alert(s) active for the agents involved.</source>
        <translation>%1 alerta(s) crítica(s) activa(s) para los agentes implicados.</translation>
    </message>
    <message>
        <source>%1 high and %2 medium alert(s) active for the agents involved.</source>
        <translation>%1 alerta(s) alta(s) y %2 media(s) activas para los agentes implicados.</translation>
    </message>
    <message>
        <source>No active alert for the agents involved.</source>
        <translation>Ninguna alerta activa para los agentes implicados.</translation>
    </message>
    <message>
        <source>Over-confident by %1 or more: %2; their confidence cannot be trusted.</source>
        <translation>Exceso de confianza de %1 o más: %2; no se puede fiar de su confianza.</translation>
    </message>
    <message>
        <source>Over-confident: %1.</source>
        <translation>Exceso de confianza: %1.</translation>
    </message>
    <message>
        <source>No agent involved is over-confident on its reviewed decisions.</source>
        <translation>Ningún agente implicado muestra exceso de confianza en sus decisiones revisadas.</translation>
    </message>
    <message>
        <source>Model %1 was trained %2 days ago (%3 or more): retrain it.</source>
        <translation>El modelo %1 se entrenó hace %2 días (%3 o más): vuelva a entrenarlo.</translation>
    </message>
    <message>
        <source>Model %1 was trained %2 days ago.</source>
        <translation>El modelo %1 se entrenó hace %2 días.</translation>
    </message>
    <message>
        <source>The model has no cross-validated AUC: its risk figure is unproven.</source>
        <translation>El modelo no tiene AUC de validación cruzada: su cifra de riesgo no está probada.</translation>
    </message>
    <message>
        <source>CV AUC %1 &lt; %2: the model barely tells failures apart; its verdict cannot be used.</source>
        <translation>AUC de VC %1 &lt; %2: el modelo apenas distingue los fallos; su veredicto no se puede usar.</translation>
    </message>
    <message>
        <source>CV AUC %1 &lt; %2: treat the risk figure as a weak signal.</source>
        <translation>AUC de VC %1 &lt; %2: tome la cifra de riesgo como una señal débil.</translation>
    </message>
    <message>
        <source>CV AUC %1.</source>
        <translation>AUC de VC %1.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>%1 to %2 UTC (%n days)</source>
        <translation>
            <numerusform>Del %1 al %2 UTC (%n día)</numerusform>
            <numerusform>Del %1 al %2 UTC (%n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent: %1 · Task type: %2</source>
        <translation>Agente: %1 · Tipo de tarea: %2</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>Total decisions</source>
        <translation>Total de decisiones</translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation>Precisión media</translation>
    </message>
    <message>
        <source>Average confidence</source>
        <translation>Confianza media</translation>
    </message>
    <message>
        <source>Execution time P95</source>
        <translation>Tiempo de ejecución P95</translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation>Tasa de feedback</translation>
    </message>
    <message>
        <source>Pending P0</source>
        <translation>P0 pendientes</translation>
    </message>
    <message>
        <source>Atalaya report</source>
        <translation>Informe de Atalaya</translation>
    </message>
    <message>
        <source>Atalaya — AI agent telemetry report · %1</source>
        <translation>Atalaya — Informe de telemetría de agentes de IA · %1</translation>
    </message>
    <message>
        <source>Atalaya — AI agent telemetry report</source>
        <translation>Atalaya — Informe de telemetría de agentes de IA</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>Período: %1</translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>Filtros: %1</translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation>Origen de datos: %1</translation>
    </message>
    <message>
        <source>Generated at: %1</source>
        <translation>Generado el: %1</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Cifras clave</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>Alertas activas</translation>
    </message>
    <message>
        <source>None: every metric is within the seed 000 thresholds.</source>
        <translation>Ninguna: todas las métricas están dentro de los umbrales de la semilla 000.</translation>
    </message>
    <message>
        <source>1. Accuracy</source>
        <translation>1. Precisión</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Task types</source>
        <translation>Tipos de tarea</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Tipo de tarea</translation>
    </message>
    <message>
        <source>2. Confidence</source>
        <translation>2. Confianza</translation>
    </message>
    <message>
        <source>ECE %1 over %2 reviewed decisions: %3.</source>
        <translation>ECE %1 sobre %2 decisiones revisadas: %3.</translation>
    </message>
    <message>
        <source>3. Execution time</source>
        <translation>3. Tiempo de ejecución</translation>
    </message>
    <message>
        <source>4. Human feedback</source>
        <translation>4. Feedback humano</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Cannot write the report to %1 (%2). Choose a folder where you may create files, or check that the disk is not full.</source>
        <translation>No se puede escribir el informe en %1 (%2). Elija una carpeta en la que pueda crear archivos o compruebe que el disco no está lleno.</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation>no se pudo dibujar el PDF</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Hallazgos</translation>
    </message>
    <message numerus="yes">
        <source>The period against the one before it; %n test(s), false-discovery rate 5 % (docs/INSIGHTS.md).</source>
        <translation>
            <numerusform>El periodo frente al anterior; %n prueba, tasa de falsos descubrimientos del 5 % (docs/INSIGHTS.md).</numerusform>
            <numerusform>El periodo frente al anterior; %n pruebas, tasa de falsos descubrimientos del 5 % (docs/INSIGHTS.md).</numerusform>
        </translation>
    </message>
    <message>
        <source>No significant change.</source>
        <translation>Ningún cambio significativo.</translation>
    </message>
    <message>
        <source>Reviewer agreement</source>
        <translation>Acuerdo entre revisores</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Revisores</translation>
    </message>
    <message>
        <source>P0–P3: median time from the decision&apos;s creation to the reviewer&apos;s verdict. SLA hit rate: first reviews given within the priority&apos;s SLA. Overturned: share of the reviewer&apos;s first and second reviews the adjudicator changed.</source>
        <translation>P0–P3: mediana del tiempo desde la creación de la decisión hasta el veredicto del revisor. SLA cumplido: primeras revisiones dadas dentro del SLA de la prioridad. Revocados: proporción de las primeras y segundas revisiones del revisor que el árbitro cambió.</translation>
    </message>
</context>
<context>
    <name>atalaya::AboutDialog</name>
    <message>
        <source>About Atalaya</source>
        <translation>Acerca de Atalaya</translation>
    </message>
    <message>
        <source>Review, measure and gate the decisions of AI agents in production.</source>
        <translation>Revisa, mide y controla las decisiones de agentes de IA en producción.</translation>
    </message>
    <message>
        <source>asking the server…</source>
        <translation>preguntando al servidor…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>Servidor de base de datos</translation>
    </message>
    <message>
        <source>unknown (the server did not answer)</source>
        <translation>desconocido (el servidor no respondió)</translation>
    </message>
</context>
<context>
    <name>atalaya::AccuracyPage</name>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>Versiones del modelo</translation>
    </message>
    <message>
        <source>Each agent&apos;s model versions (metadata.model_version) in the window, each against the one first seen before it</source>
        <translation>Las versiones del modelo de cada agente (metadata.model_version) en el periodo, cada una frente a la vista antes que ella</translation>
    </message>
    <message>
        <source>Too many decisions in this period to compare model versions from raw rows (%1); choose one agent or a shorter period</source>
        <translation>Demasiadas decisiones en este periodo para comparar versiones del modelo desde las filas sin agregar (%1); elige un agente o un periodo más corto</translation>
    </message>
</context>
<context>
    <name>atalaya::AgreementPairsModel</name>
    <message>
        <source>Share of rated pairs where both reviewers gave the same verdict.</source>
        <translation>Proporción de pares revisados en los que ambos revisores dieron el mismo veredicto.</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Revisores</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Pares</translation>
    </message>
    <message>
        <source>Weighted κ</source>
        <translation>κ ponderada</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>IC del 95 %</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
</context>
<context>
    <name>atalaya::AgreementSection</name>
    <message>
        <source>Reviewer agreement (double reviews)</source>
        <translation>Acuerdo entre revisores (dobles revisiones)</translation>
    </message>
</context>
<context>
    <name>atalaya::Alerts</name>
    <message>
        <source>all agents</source>
        <translation>todos los agentes</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>agente %1</translation>
    </message>
    <message>
        <source>Feedback rate %1 % is below %2 % (%3)</source>
        <translation>La tasa de feedback %1 % está por debajo del %2 % (%3)</translation>
    </message>
    <message>
        <source>Average accuracy %1 is below %2 (%3)</source>
        <translation>La precisión media %1 está por debajo de %2 (%3)</translation>
    </message>
    <message>
        <source>Execution time P95 %1 ms is above %2 ms (%3)</source>
        <translation>El tiempo de ejecución P95 %1 ms supera los %2 ms (%3)</translation>
    </message>
    <message>
        <source>Average confidence %1 is below %2 (%3)</source>
        <translation>La confianza media %1 está por debajo de %2 (%3)</translation>
    </message>
</context>
<context>
    <name>atalaya::AlertsModel</name>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Todos los agentes</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
</context>
<context>
    <name>atalaya::AuditLogModel</name>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>correcta</translation>
    </message>
    <message>
        <source>incorrect</source>
        <translation>incorrecta</translation>
    </message>
    <message>
        <source>partially correct</source>
        <translation>parcialmente correcta</translation>
    </message>
    <message>
        <source>Link %1 of the hash chain
SHA-256 %2</source>
        <translation>Eslabón %1 de la cadena de hashes
SHA-256 %2</translation>
    </message>
    <message>
        <source>Not chained yet: another system wrote this row; Atalaya&apos;s next write chains it</source>
        <translation>Aún sin encadenar: otro sistema escribió esta fila; la próxima escritura de Atalaya la encadena</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>aún no</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Chain link</source>
        <translation>Eslabón</translation>
    </message>
</context>
<context>
    <name>atalaya::AuditLogPage</name>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>No se pudo leer el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>%1 rows, newest first</source>
        <translation>%1 filas, las más recientes primero</translation>
    </message>
    <message>
        <source>%1 rows so far, newest first; more load as you scroll</source>
        <translation>%1 filas por ahora, las más recientes primero; se cargan más al desplazarse</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>No hay conexión a ninguna base de datos.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>Se exportaron %1 filas a %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation>&amp;Revisor</translation>
    </message>
    <message>
        <source>A&amp;gent</source>
        <translation>A&amp;gente</translation>
    </message>
    <message>
        <source>&amp;Decision id</source>
        <translation>Id de &amp;decisión</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periodo</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Últimos 365 días</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatConversationModel</name>
    <message>
        <source>open</source>
        <translation>abierta</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelta</translation>
    </message>
    <message>
        <source>unresolved</source>
        <translation>sin resolver</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Intención</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatFeedClient</name>
    <message>
        <source>a message over the %1-byte cap arrived (dropped, counted as malformed); Qt&apos;s WebSocket closes the connection on it, so it reconnects</source>
        <translation>llegó un mensaje de más de %1 bytes (descartado, contado como malformado); el WebSocket de Qt cierra la conexión por ello, así que se reconecta</translation>
    </message>
    <message>
        <source>a text frame that is not valid UTF-8 arrived (dropped, counted as malformed); Qt&apos;s WebSocket closes the connection on it (code 1007), so it reconnects</source>
        <translation>llegó una trama de texto que no es UTF-8 válido (descartada, contada como malformada); el WebSocket de Qt cierra la conexión por ello (código 1007), así que se reconecta</translation>
    </message>
    <message>
        <source>no WebSocket handshake within %1 s</source>
        <translation>sin handshake WebSocket en %1 s</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>certificado TLS rechazado: %1</translation>
    </message>
    <message>
        <source>closed by the server: %1</source>
        <translation>cerrada por el servidor: %1</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>no se pudo conectar</translation>
    </message>
    <message>
        <source>connection closed by the server</source>
        <translation>conexión cerrada por el servidor</translation>
    </message>
    <message>
        <source>%1; retrying in %2 s</source>
        <translation>%1; reintentando en %2 s</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatHistoryPanel</name>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Assistant latency avg</source>
        <translation>Latencia media del asistente</translation>
    </message>
    <message>
        <source>Assistant latency P95</source>
        <translation>Latencia P95 del asistente</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>Tasa de resolución</translation>
    </message>
    <message numerus="yes">
        <source>The last %n day(s) from the chat tables; the live feed&apos;s window is above.</source>
        <translation>
            <numerusform>El último día de las tablas de chat; la ventana del feed en vivo está arriba.</numerusform>
            <numerusform>Los últimos %n días de las tablas de chat; la ventana del feed en vivo está arriba.</numerusform>
        </translation>
    </message>
    <message>
        <source>started</source>
        <translation>iniciadas</translation>
    </message>
    <message>
        <source>%1 from the assistant</source>
        <translation>%1 del asistente</translation>
    </message>
    <message>
        <source>of assistant answers</source>
        <translation>de las respuestas del asistente</translation>
    </message>
    <message>
        <source>nearest rank</source>
        <translation>rango más cercano</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message>
        <source>of completed</source>
        <translation>de las completadas</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>Mensajes por día</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>mensajes</translation>
    </message>
    <message>
        <source>Assistant latency per day (average)</source>
        <translation>Latencia del asistente por día (media)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatKpiPanel</name>
    <message>
        <source>Active conversations</source>
        <translation>Conversaciones activas</translation>
    </message>
    <message>
        <source>Messages / min</source>
        <translation>Mensajes / min</translation>
    </message>
    <message>
        <source>Assistant latency avg</source>
        <translation>Latencia media del asistente</translation>
    </message>
    <message>
        <source>Assistant latency P95</source>
        <translation>Latencia P95 del asistente</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>Tasa de resolución</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>last %1 min</source>
        <translation>últimos %1 min</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 mensajes</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>nearest rank</source>
        <translation>rango más cercano</translation>
    </message>
    <message>
        <source>of assistant answers</source>
        <translation>de las respuestas del asistente</translation>
    </message>
    <message numerus="yes">
        <source>%n rating(s)</source>
        <translation>
            <numerusform>%n valoración</numerusform>
            <numerusform>%n valoraciones</numerusform>
        </translation>
    </message>
    <message>
        <source>of completed</source>
        <translation>de las completadas</translation>
    </message>
    <message>
        <source>%1 since connect</source>
        <translation>%1 desde la conexión</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatLiveCharts</name>
    <message>
        <source>Messages per minute</source>
        <translation>Mensajes por minuto</translation>
    </message>
    <message>
        <source>msg/min</source>
        <translation>msg/min</translation>
    </message>
    <message>
        <source>Assistant latency (average)</source>
        <translation>Latencia del asistente (media)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>hace segundos</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatPage</name>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>wss://chat.example/ws/monitor</source>
        <translation>wss://chat.example/ws/monitor</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Token…</source>
        <translation>Token…</translation>
    </message>
    <message>
        <source>Store the feed&apos;s bearer token in the system keychain</source>
        <translation>Guardar el token bearer del feed en el llavero del sistema</translation>
    </message>
    <message>
        <source>No chat feed configured: enter its wss:// URL and connect.</source>
        <translation>No hay ningún feed de chat configurado: introduzca su URL wss:// y conéctese.</translation>
    </message>
    <message>
        <source>Unencrypted chat feed</source>
        <translation>Feed de chat sin cifrar</translation>
    </message>
    <message>
        <source>%1 is not encrypted and not on this machine: messages and the token travel in clear text. Connect anyway?</source>
        <translation>%1 no está cifrado y no está en esta máquina: los mensajes y el token viajan en texto claro. ¿Conectar de todos modos?</translation>
    </message>
    <message>
        <source>Chat feed token</source>
        <translation>Token del feed de chat</translation>
    </message>
    <message>
        <source>Bearer token for %1:</source>
        <translation>Token bearer para %1:</translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain: %1</source>
        <translation>No se pudo guardar el token en el llavero: %1</translation>
    </message>
    <message>
        <source> · last event %1 (%2 s ago)</source>
        <translation> · último evento %1 (hace %2 s)</translation>
    </message>
    <message>
        <source> · %1 events, %2 malformed, %3 ignored</source>
        <translation> · %1 eventos, %2 mal formados, %3 ignorados</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Historial no disponible: %1</translation>
    </message>
    <message>
        <source>No chat tables in this database: showing the live feed only.</source>
        <translation>No hay tablas de chat en esta base de datos: solo se muestra el feed en vivo.</translation>
    </message>
    <message numerus="yes">
        <source>Grey rows: history from the chat tables (%n conversation(s)).</source>
        <translation>
            <numerusform>Filas grises: historial de las tablas de chat (%n conversación).</numerusform>
            <numerusform>Filas grises: historial de las tablas de chat (%n conversaciones).</numerusform>
        </translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source> — &lt;b&gt;Token…&lt;/b&gt; stores the right one</source>
        <translation> — &lt;b&gt;Token…&lt;/b&gt; guarda el correcto</translation>
    </message>
    <message>
        <source>Not connected to a database: no chat history.</source>
        <translation>Sin conexión a una base de datos: no hay historial del chat.</translation>
    </message>
    <message>
        <source>Chat history unavailable: %1</source>
        <translation>Historial del chat no disponible: %1</translation>
    </message>
    <message>
        <source>No chat tables in this database: the live feed is all there is.</source>
        <translation>No hay tablas de chat en esta base de datos: solo está el feed en vivo.</translation>
    </message>
    <message>
        <source> · no messages yet</source>
        <translation> · aún sin mensajes</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatTopIntents</name>
    <message>
        <source>&lt;b&gt;Top intents&lt;/b&gt; (window)</source>
        <translation>&lt;b&gt;Intenciones principales&lt;/b&gt; (ventana)</translation>
    </message>
    <message>
        <source>No answers in the window yet</source>
        <translation>Aún no hay respuestas en la ventana</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top intents&lt;/b&gt; (period, none live yet)</source>
        <translation>&lt;b&gt;Intenciones principales&lt;/b&gt; (período, aún ninguna en vivo)</translation>
    </message>
</context>
<context>
    <name>atalaya::ChatTranscriptView</name>
    <message>
        <source>Select a conversation to read its transcript.</source>
        <translation>Seleccione una conversación para leer su transcripción.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallidas</translation>
    </message>
    <message>
        <source>review decision #%1</source>
        <translation>revisar decisión #%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <source>No transcript kept for this conversation.</source>
        <translation>No se conserva transcripción de esta conversación.</translation>
    </message>
</context>
<context>
    <name>atalaya::ConfidencePage</name>
    <message>
        <source>No reviewed decisions in this period: calibration needs human feedback.</source>
        <translation>No hay decisiones revisadas en este período: la calibración necesita feedback humano.</translation>
    </message>
    <message>
        <source>The agents are over-confident: their confidence is higher than the accuracy reviewers observe.</source>
        <translation>Los agentes tienen exceso de confianza: su confianza es mayor que la precisión que observan los revisores.</translation>
    </message>
    <message>
        <source>The agents are under-confident: reviewers find them right more often than their confidence says.</source>
        <translation>Los agentes tienen falta de confianza: los revisores los encuentran acertados con más frecuencia de lo que indica su confianza.</translation>
    </message>
    <message>
        <source>Confidence matches observed accuracy.</source>
        <translation>La confianza coincide con la precisión observada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — ECE %2 over %3 reviewed decisions (mean confidence %4, mean accuracy %5).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — ECE %2 sobre %3 decisiones revisadas (confianza media %4, precisión media %5).</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
</context>
<context>
    <name>atalaya::ConnectionDialog</name>
    <message>
        <source>Connect to database</source>
        <translation>Conectar a la base de datos</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Archivo SQLite</translation>
    </message>
    <message>
        <source>MySQL / MariaDB server</source>
        <translation>Servidor MySQL / MariaDB</translation>
    </message>
    <message>
        <source>Database type</source>
        <translation>Tipo de base de datos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>SQLite database</source>
        <translation>Base de datos SQLite</translation>
    </message>
    <message>
        <source>SQLite files (*.db *.sqlite);;All files (*)</source>
        <translation>Archivos SQLite (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>/path/to/ca.pem (for verify-ca)</source>
        <translation>/ruta/a/ca.pem (para verify-ca)</translation>
    </message>
    <message>
        <source>Do not save the password; ask for it at each start</source>
        <translation>No guardar la contraseña; pedirla en cada inicio</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>Modo TLS</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>Archivo de CA de TLS</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Connection works: %1</source>
        <translation>La conexión funciona: %1</translation>
    </message>
    <message>
        <source>No system keychain is available here (%1). The password was not saved: Atalaya will ask for it at each start. Press OK again to continue.</source>
        <translation>No hay ningún llavero del sistema disponible aquí (%1). La contraseña no se ha guardado: Atalaya la pedirá en cada inicio. Pulse Aceptar de nuevo para continuar.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>optional: mysql://user@replica:3306/database</source>
        <translation>opcional: mysql://usuario@replica:3306/base_de_datos</translation>
    </message>
    <message>
        <source>A replica of this database: the queue, counts and dashboards are read from it, verdicts and the audit log are written to the server above.</source>
        <translation>Una réplica de esta base de datos: la cola, los recuentos y los paneles se leen de ella; los veredictos y el registro de auditoría se escriben en el servidor de arriba.</translation>
    </message>
    <message>
        <source>empty: the password above</source>
        <translation>vacío: la contraseña de arriba</translation>
    </message>
    <message>
        <source>Read replica</source>
        <translation>Réplica de lectura</translation>
    </message>
    <message>
        <source>Replica password</source>
        <translation>Contraseña de la réplica</translation>
    </message>
</context>
<context>
    <name>atalaya::ContributionChart</name>
    <message>
        <source>Why: exact Shapley contributions</source>
        <translation>Por qué: contribuciones exactas de Shapley</translation>
    </message>
    <message>
        <source>Raises the risk</source>
        <translation>Aumenta el riesgo</translation>
    </message>
    <message>
        <source>Lowers the risk</source>
        <translation>Reduce el riesgo</translation>
    </message>
    <message>
        <source>Δ score vs base %1</source>
        <translation>Δ puntuación frente a la base %1</translation>
    </message>
    <message>
        <source>Run a check to see which features raise or lower the risk.</source>
        <translation>Ejecute una comprobación para ver qué variables aumentan o reducen el riesgo.</translation>
    </message>
</context>
<context>
    <name>atalaya::DataPage</name>
    <message>
        <source>Not connected to a database. Use File → Connect… to choose one.</source>
        <translation>No hay conexión a ninguna base de datos. Use Archivo → Conectar… para elegir una.</translation>
    </message>
    <message>
        <source>Could not load this page: %1</source>
        <translation>No se pudo cargar esta página: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
</context>
<context>
    <name>atalaya::DataTableView</name>
    <message>
        <source>Export table as CSV</source>
        <translation>Exportar tabla como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Copiar tabla</translation>
    </message>
</context>
<context>
    <name>atalaya::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>atalaya::FeedbackFlow</name>
    <message>
        <source>No local outbox: %1</source>
        <translation>Sin bandeja de salida local: %1</translation>
    </message>
    <message>
        <source>#%1 is back in the queue.</source>
        <translation>N.º %1 ha vuelto a la cola.</translation>
    </message>
    <message>
        <source>pending again</source>
        <translation>de nuevo pendiente</translation>
    </message>
    <message>
        <source>Saved #%1: %2</source>
        <translation>Guardada n.º %1: %2</translation>
    </message>
    <message>
        <source>#%1 kept in the outbox: %2</source>
        <translation>N.º %1 se mantiene en la bandeja de salida: %2</translation>
    </message>
    <message>
        <source>#%1 kept the other review: %2</source>
        <translation>N.º %1 conserva la otra revisión: %2</translation>
    </message>
    <message>
        <source>#%1 was not saved: %2</source>
        <translation>N.º %1 no se guardó: %2</translation>
    </message>
    <message>
        <source>Saved #%1: %2 (on a new connection)</source>
        <translation>Guardada n.º %1: %2 (con una conexión nueva)</translation>
    </message>
</context>
<context>
    <name>atalaya::FeedbackPage</name>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>%1 reviews of %2 decisions — feedback rate %3 (seed target ≥ 30 %)</source>
        <translation>%1 revisiones de %2 decisiones — tasa de feedback %3 (objetivo de la semilla ≥ 30 %)</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
</context>
<context>
    <name>atalaya::FilterBar</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Último %n día</numerusform>
            <numerusform>Últimos %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Todos los agentes</translation>
    </message>
    <message>
        <source>All task types</source>
        <translation>Todos los tipos de tarea</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Task type</source>
        <translation>Tipo de tarea</translation>
    </message>
    <message>
        <source>Custom range…</source>
        <translation>Intervalo personalizado…</translation>
    </message>
    <message>
        <source>Refresh now (F5)</source>
        <translation>Actualizar ahora (F5)</translation>
    </message>
    <message>
        <source>Auto-refresh every %1 s</source>
        <translation>Actualización automática cada %1 s</translation>
    </message>
</context>
<context>
    <name>atalaya::ForecastPanel</name>
    <message>
        <source>Reviewers on duty:</source>
        <translation>Revisores de turno:</translation>
    </message>
    <message>
        <source>usual team</source>
        <translation>equipo habitual</translation>
    </message>
    <message>
        <source>Reviewers working every hour of the forecast; &quot;usual team&quot; is how many gave verdicts at that hour of the week over the last 4 weeks (audit log)</source>
        <translation>Revisores trabajando cada hora de la previsión; «equipo habitual» es cuántos dieron veredictos a esa hora de la semana en las últimas 4 semanas (registro de auditoría)</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>No hay conexión a ninguna base de datos.</translation>
    </message>
    <message>
        <source>The forecast could not be read: %1</source>
        <translation>No se pudo leer la previsión: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Capacity forecast, next 7 days · all agents</source>
        <translation>Previsión de capacidad, próximos 7 días · todos los agentes</translation>
    </message>
    <message>
        <source>Every agent&apos;s arrivals and pending decisions, reviewed by the whole team</source>
        <translation>Llegadas y decisiones pendientes de todos los agentes, revisadas por todo el equipo</translation>
    </message>
    <message>
        <source>Capacity forecast, next 7 days · agent %1</source>
        <translation>Previsión de capacidad, próximos 7 días · agente %1</translation>
    </message>
    <message>
        <source>Only agent %1&apos;s arrivals and pending decisions (the page&apos;s agent filter); the reviewers&apos; pace and presence are the whole team&apos;s</source>
        <translation>Solo las llegadas y decisiones pendientes del agente %1 (el filtro de agente de la página); el ritmo y la presencia de los revisores son los de todo el equipo</translation>
    </message>
    <message numerus="yes">
        <source>%n reviewer(s) on every hour</source>
        <translation>
            <numerusform>%n revisor cada hora</numerusform>
            <numerusform>%n revisores cada hora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To keep every deadline: %1 reviewer-hours in the next 24 h, %2 in 7 days (or %n reviewer(s) on every hour). Planned: %3 and %4 (%5).</source>
        <translation>
            <numerusform>Para cumplir todos los plazos: %1 horas de revisor en las próximas 24 h, %2 en 7 días (o %n revisor cada hora). Previstas: %3 y %4 (%5).</numerusform>
            <numerusform>Para cumplir todos los plazos: %1 horas de revisor en las próximas 24 h, %2 en 7 días (o %n revisores cada hora). Previstas: %3 y %4 (%5).</numerusform>
        </translation>
    </message>
    <message>
        <source>No verdicts in the last 4 weeks: the reviewers&apos; pace is unknown, so this forecast reviews nothing and cannot say how many reviewer-hours are needed.</source>
        <translation>Sin veredictos en las últimas 4 semanas: se desconoce el ritmo de los revisores, así que esta previsión no revisa nada y no puede decir cuántas horas de revisor hacen falta.</translation>
    </message>
    <message>
        <source>Pace: %1 verdicts per reviewer-hour (whole team, last 4 weeks).</source>
        <translation>Ritmo: %1 veredictos por hora de revisor (todo el equipo, últimas 4 semanas).</translation>
    </message>
</context>
<context>
    <name>atalaya::GroupTableModel</name>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Feedback count</source>
        <translation>Con feedback</translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation>Tasa de feedback</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>Avg confidence</source>
        <translation>Confianza media</translation>
    </message>
    <message>
        <source>Avg</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>P50</source>
        <translation>P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>P99</source>
        <translation>P99</translation>
    </message>
</context>
<context>
    <name>atalaya::ImportanceChart</name>
    <message>
        <source>Feature importance (permutation)</source>
        <translation>Importancia de las variables (permutación)</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Importancia</translation>
    </message>
    <message>
        <source>No model yet: train one to see which features matter most.</source>
        <translation>Aún no hay modelo: entrene uno para ver qué variables pesan más.</translation>
    </message>
</context>
<context>
    <name>atalaya::Insights</name>
    <message>
        <source>Low (&lt; 0.50)</source>
        <translation>Baja (&lt; 0,50)</translation>
    </message>
    <message>
        <source>Medium (0.50–0.70)</source>
        <translation>Media (0,50–0,70)</translation>
    </message>
    <message>
        <source>Good (0.70–0.85)</source>
        <translation>Buena (0,70–0,85)</translation>
    </message>
    <message>
        <source>High (0.85–0.95)</source>
        <translation>Alta (0,85–0,95)</translation>
    </message>
    <message>
        <source>Very high (≥ 0.95)</source>
        <translation>Muy alta (≥ 0,95)</translation>
    </message>
    <message>
        <source>%1 % of decisions are High or Very High, below the %2 % target (%3)</source>
        <translation>El %1 % de las decisiones tiene confianza Alta o Muy alta, por debajo del objetivo del %2 % (%3)</translation>
    </message>
    <message>
        <source>%1 % of decisions are Low, above the %2 % target (%3)</source>
        <translation>El %1 % de las decisiones tiene confianza Baja, por encima del objetivo del %2 % (%3)</translation>
    </message>
    <message>
        <source>Execution time P99 %1 ms is not below the %2 ms target (%3)</source>
        <translation>El P99 del tiempo de ejecución, %1 ms, no está por debajo del objetivo de %2 ms (%3)</translation>
    </message>
    <message>
        <source>Accuracy %1 is below the %2 target (%3)</source>
        <translation>La precisión %1 está por debajo del objetivo %2 (%3)</translation>
    </message>
    <message>
        <source>agent %1, task type %2</source>
        <translation>agente %1, tipo de tarea %2</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>agente %1</translation>
    </message>
    <message>
        <source>task type %1</source>
        <translation>tipo de tarea %1</translation>
    </message>
    <message>
        <source>all agents</source>
        <translation>todos los agentes</translation>
    </message>
    <message>
        <source>Accuracy fell from %1 to %2 (%3)</source>
        <translation>La precisión bajó de %1 a %2 (%3)</translation>
    </message>
    <message>
        <source>Execution time %1 rose from %2 ms to %3 ms (%4)</source>
        <translation>El %1 del tiempo de ejecución subió de %2 ms a %3 ms (%4)</translation>
    </message>
    <message>
        <source>Confidence distribution shifted (PSI %1): %2 went from %3 % to %4 % of decisions (%5)</source>
        <translation>La distribución de confianza cambió (PSI %1): %2 pasó del %3 % al %4 % de las decisiones (%5)</translation>
    </message>
    <message>
        <source>Feedback rate fell from %1 % to %2 % (%3)</source>
        <translation>La tasa de feedback bajó del %1 % al %2 % (%3)</translation>
    </message>
    <message>
        <source>Decisions per day went from %1 to %2 (%3)</source>
        <translation>Las decisiones por día pasaron de %1 a %2 (%3)</translation>
    </message>
    <message>
        <source>Calibration worsened: ECE went from %1 to %2 (%3)</source>
        <translation>La calibración empeoró: el ECE pasó de %1 a %2 (%3)</translation>
    </message>
    <message>
        <source>Accuracy drop</source>
        <translation>Caída de precisión</translation>
    </message>
    <message>
        <source>Latency increase</source>
        <translation>Aumento de latencia</translation>
    </message>
    <message>
        <source>Confidence shift</source>
        <translation>Cambio de confianza</translation>
    </message>
    <message>
        <source>Feedback rate drop</source>
        <translation>Caída de la tasa de feedback</translation>
    </message>
    <message>
        <source>Volume change</source>
        <translation>Cambio de volumen</translation>
    </message>
    <message>
        <source>Calibration worse</source>
        <translation>Peor calibración</translation>
    </message>
    <message>
        <source>Target missed</source>
        <translation>Objetivo incumplido</translation>
    </message>
    <message>
        <source>Version regression</source>
        <translation>Regresión de versión</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>The risk model was last trained %1 days ago (retrain every %2 days)</source>
        <translation>El modelo de riesgo se entrenó por última vez hace %1 días (reentrenar cada %2 días)</translation>
    </message>
    <message>
        <source>Past risk predictions were right %1 % of the time against %2 % in the model&apos;s validation (%3 outcomes)</source>
        <translation>Las predicciones de riesgo pasadas acertaron el %1 % de las veces frente al %2 % en la validación del modelo (%3 resultados)</translation>
    </message>
    <message>
        <source>Risk feature drift</source>
        <translation>Deriva de variable de riesgo</translation>
    </message>
    <message>
        <source>Risk model stale</source>
        <translation>Modelo de riesgo desactualizado</translation>
    </message>
    <message>
        <source>Risk prediction accuracy</source>
        <translation>Precisión de las predicciones de riesgo</translation>
    </message>
    <message>
        <source>Model version %1 is slower than %2: P95 %3 ms against %4 ms (%5)</source>
        <translation>La versión del modelo %1 es más lenta que %2: P95 de %3 ms frente a %4 ms (%5)</translation>
    </message>
    <message>
        <source>Model version %1 is less accurate than %2: %3 against %4 (%5)</source>
        <translation>La versión del modelo %1 es menos precisa que %2: %3 frente a %4 (%5)</translation>
    </message>
    <message>
        <source>Risk feature “%1” drifted from the model&apos;s training data (PSI %2, %3 recent cycles)</source>
        <translation>La variable de riesgo «%1» se ha desviado de los datos de entrenamiento del modelo (PSI %2, %3 ciclos recientes)</translation>
    </message>
</context>
<context>
    <name>atalaya::InsightsModel</name>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Ámbito</translation>
    </message>
    <message>
        <source>Baseline / target</source>
        <translation>Referencia / objetivo</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>q-value</source>
        <translation>valor q</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>atalaya::InsightsPage</name>
    <message numerus="yes">
        <source>No significant change: %1 (%n test(s), false-discovery rate 5 %).</source>
        <translation>
            <numerusform>Ningún cambio significativo: %1 (%n prueba, tasa de falsos descubrimientos del 5 %).</numerusform>
            <numerusform>Ningún cambio significativo: %1 (%n pruebas, tasa de falsos descubrimientos del 5 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n test(s), false-discovery rate 5 %.</source>
        <translation>
            <numerusform>%1 — %n prueba, tasa de falsos descubrimientos del 5 %.</numerusform>
            <numerusform>%1 — %n pruebas, tasa de falsos descubrimientos del 5 %.</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <source>Threshold what-if</source>
        <translation>Simulación de umbrales</translation>
    </message>
    <message>
        <source>What other confidence cut-points would do to the review load and to the wrong decisions no one reviews</source>
        <translation>Qué harían otros cortes de confianza con la carga de revisión y con las decisiones erróneas que nadie revisa</translation>
    </message>
    <message>
        <source>%1 to %2 (the last complete hour) against %3 to %4</source>
        <translation>%1 a %2 (la última hora completa) frente a %3 a %4</translation>
    </message>
</context>
<context>
    <name>atalaya::LatencyPage</name>
    <message>
        <source>Task type</source>
        <translation>Tipo de tarea</translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation>Tiempo de ejecución</translation>
    </message>
</context>
<context>
    <name>atalaya::MainWindow</name>
    <message>
        <source>no database</source>
        <translation>sin base de datos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Connect to database…</source>
        <translation>&amp;Conectar a la base de datos…</translation>
    </message>
    <message>
        <source>Export &amp;PDF report…</source>
        <translation>Exportar informe &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>Actualización a&amp;utomática</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>Exportar informe PDF</translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation>Conéctese primero a una base de datos.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Informe guardado en %1</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>I&amp;r a</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Exportación cancelada</translation>
    </message>
    <message>
        <source>Verdicts waiting</source>
        <translation>Veredictos pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%n verdict(s) given while connected to %1 are not written yet. They wait in its outbox and are sent the next time Atalaya connects to %1.</source>
        <translation>
            <numerusform>%n veredicto dado con la conexión a %1 aún no está escrito. Espera en su bandeja de salida y se enviará la próxima vez que Atalaya se conecte a %1.</numerusform>
            <numerusform>%n veredictos dados con la conexión a %1 aún no están escritos. Esperan en su bandeja de salida y se enviarán la próxima vez que Atalaya se conecte a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation>Se canceló la conexión a %1.</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Contraseña para %1:</translation>
    </message>
    <message>
        <source>No password was given for %1.</source>
        <translation>No se indicó ninguna contraseña para %1.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Atalaya</source>
        <translation>&amp;Acerca de Atalaya</translation>
    </message>
    <message>
        <source>Atalaya — %1</source>
        <translation>Atalaya — %1</translation>
    </message>
</context>
<context>
    <name>atalaya::ModelVersionsModel</name>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>Too few decisions to test</source>
        <translation>Muy pocas decisiones para comparar</translation>
    </message>
    <message>
        <source>Worse: %1</source>
        <translation>Peor: %1</translation>
    </message>
    <message>
        <source>Better: %1</source>
        <translation>Mejor: %1</translation>
    </message>
    <message>
        <source>No significant difference</source>
        <translation>Sin diferencia significativa</translation>
    </message>
    <message>
        <source>The agent&apos;s first version in this window</source>
        <translation>La primera versión del agente en este periodo</translation>
    </message>
    <message>
        <source>Against %1 (two-sided tests, significant below p = 0.05):</source>
        <translation>Frente a %1 (pruebas bilaterales, significativo por debajo de p = 0,05):</translation>
    </message>
    <message>
        <source>%1: fewer than 30 decisions on a side, not tested</source>
        <translation>%1: menos de 30 decisiones en un lado, sin prueba</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: difference %2, p = %3</source>
        <translation>%1: diferencia %2, p = %3</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No reviewed decisions of this version</source>
        <translation>Ninguna decisión revisada de esta versión</translation>
    </message>
    <message numerus="yes">
        <source>95 % Wilson interval %1 – %2 of %n reviewed decision(s) (partially correct counts 0.5)</source>
        <translation>
            <numerusform>Intervalo de Wilson del 95 %: %1 – %2 de %n decisión revisada (parcialmente correcta cuenta 0,5)</numerusform>
            <numerusform>Intervalo de Wilson del 95 %: %1 – %2 de %n decisiones revisadas (parcialmente correcta cuenta 0,5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revisadas</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Intervalo del 95 %</translation>
    </message>
    <message>
        <source>Mean confidence</source>
        <translation>Confianza media</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vista por primera vez</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vista por última vez</translation>
    </message>
    <message>
        <source>Versus previous version</source>
        <translation>Frente a la versión anterior</translation>
    </message>
    <message>
        <source>metadata.model_version of the agent&apos;s decisions</source>
        <translation>metadata.model_version de las decisiones del agente</translation>
    </message>
    <message>
        <source>Mean score of reviewed decisions: correct 1, partially correct 0.5, incorrect 0</source>
        <translation>Puntuación media de las decisiones revisadas: correcta 1, parcialmente correcta 0,5, incorrecta 0</translation>
    </message>
    <message>
        <source>95 % Wilson score interval of the accuracy</source>
        <translation>Intervalo de Wilson del 95 % de la precisión</translation>
    </message>
    <message>
        <source>95th percentile of the execution time (nearest rank)</source>
        <translation>Percentil 95 del tiempo de ejecución (rango más cercano)</translation>
    </message>
    <message>
        <source>Expected calibration error over 10 confidence bins of reviewed decisions</source>
        <translation>Error de calibración esperado en 10 intervalos de confianza de las decisiones revisadas</translation>
    </message>
    <message>
        <source>Each version against the one first seen before it: accuracy by a two-proportion test, P95 by a quantile test, ECE by a z-test; significant when p &lt; 0.05</source>
        <translation>Cada versión frente a la vista antes que ella: la precisión con una prueba de dos proporciones, el P95 con una prueba de cuantiles, el ECE con una prueba z; significativo cuando p &lt; 0,05</translation>
    </message>
</context>
<context>
    <name>atalaya::OverviewPage</name>
    <message>
        <source>Total decisions</source>
        <translation>Total de decisiones</translation>
    </message>
    <message>
        <source>Average accuracy</source>
        <translation>Precisión media</translation>
    </message>
    <message>
        <source>Average confidence</source>
        <translation>Confianza media</translation>
    </message>
    <message>
        <source>Execution time P95</source>
        <translation>Tiempo de ejecución P95</translation>
    </message>
    <message>
        <source>Feedback rate</source>
        <translation>Tasa de feedback</translation>
    </message>
    <message>
        <source>Pending P0</source>
        <translation>P0 pendientes</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>Alertas activas</translation>
    </message>
    <message numerus="yes">
        <source>vs previous %n days</source>
        <translation>
            <numerusform>frente al %n día anterior</numerusform>
            <numerusform>frente a los %n días anteriores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no data in the previous %n days</source>
        <translation>
            <numerusform>sin datos en el %n día anterior</numerusform>
            <numerusform>sin datos en los %n días anteriores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 % %2</source>
        <translation>%1 % %2</translation>
    </message>
    <message>
        <source>%1%2 %3</source>
        <translation>%1%2 %3</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> pts</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>most urgent pending reviews, all dates (review queue)</source>
        <translation>revisiones pendientes más urgentes, todas las fechas (cola de revisión)</translation>
    </message>
    <message>
        <source>Active alerts: none — every metric is within the seed thresholds</source>
        <translation>Alertas activas: ninguna — todas las métricas están dentro de los umbrales de la semilla</translation>
    </message>
    <message>
        <source>Active alerts (%1)</source>
        <translation>Alertas activas (%1)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué ha cambiado</translation>
    </message>
    <message>
        <source>All insights</source>
        <translation>Todos los hallazgos</translation>
    </message>
    <message>
        <source>What changed: nothing significant against the previous period</source>
        <translation>Qué ha cambiado: nada significativo frente al periodo anterior</translation>
    </message>
    <message numerus="yes">
        <source>What changed (%n)</source>
        <translation>
            <numerusform>Qué ha cambiado (%n)</numerusform>
            <numerusform>Qué ha cambiado (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed: could not be read (%1)</source>
        <translation>Qué ha cambiado: no se pudo leer (%1)</translation>
    </message>
</context>
<context>
    <name>atalaya::PdfExportJob</name>
    <message>
        <source>Reading the data for the report…</source>
        <translation>Leyendo los datos del informe…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>Exportar informe PDF</translation>
    </message>
    <message>
        <source>Cannot read the report&apos;s data: %1</source>
        <translation>No se pueden leer los datos del informe: %1</translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation>Dibujando el informe…</translation>
    </message>
</context>
<context>
    <name>atalaya::PriorityCountChips</name>
    <message>
        <source>%1 % sample</source>
        <translation>muestra del %1 %</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>sin plazo</translation>
    </message>
    <message numerus="yes">
        <source>within %n week(s)</source>
        <translation>
            <numerusform>en %n semana</numerusform>
            <numerusform>en %n semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>within %n h</source>
        <translation>
            <numerusform>en %n h</numerusform>
            <numerusform>en %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>contando…</translation>
    </message>
    <message>
        <source>count unavailable</source>
        <translation>recuento no disponible</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 vencidas</translation>
    </message>
    <message>
        <source>none overdue</source>
        <translation>ninguna vencida</translation>
    </message>
    <message>
        <source>%1 (%2): pending decisions and how many are past their deadline.</source>
        <translation>%1 (%2): decisiones pendientes y cuántas han superado su plazo.</translation>
    </message>
    <message>
        <source>%1: decisions of this priority waiting in this view for you.</source>
        <translation>%1: decisiones de esta prioridad que esperan en esta vista a que usted las revise.</translation>
    </message>
</context>
<context>
    <name>atalaya::QueueCountsRebuild</name>
    <message>
        <source>this account may not create the triggers that keep the counts</source>
        <translation>esta cuenta no puede crear los disparadores que mantienen los recuentos</translation>
    </message>
</context>
<context>
    <name>atalaya::ReleaseCheckDialog</name>
    <message>
        <source>Release check — cycle %1</source>
        <translation>Control de despliegue — ciclo %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Veredicto: %1</translation>
    </message>
    <message>
        <source>Risk score %1 (%2) · model %3 · agents: %4</source>
        <translation>Puntuación de riesgo %1 (%2) · modelo %3 · agentes: %4</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>no se encontró ninguno</translation>
    </message>
    <message>
        <source>Recorded as decision #%1.</source>
        <translation>Registrado como decisión #%1.</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save release check</source>
        <translation>Guardar control de despliegue</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
</context>
<context>
    <name>atalaya::ReleaseReasonsModel</name>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Desplegar</translation>
    </message>
    <message>
        <source>Go with conditions</source>
        <translation>Desplegar con condiciones</translation>
    </message>
    <message>
        <source>No-go</source>
        <translation>No desplegar</translation>
    </message>
    <message>
        <source>go</source>
        <translation>adelante</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>condición</translation>
    </message>
    <message>
        <source>no-go</source>
        <translation>bloquea</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Nivel de riesgo</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Factores de riesgo</translation>
    </message>
    <message>
        <source>Overdue reviews</source>
        <translation>Revisiones vencidas</translation>
    </message>
    <message>
        <source>Open reviews</source>
        <translation>Revisiones abiertas</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>Model age</source>
        <translation>Antigüedad del modelo</translation>
    </message>
    <message>
        <source>Model AUC</source>
        <translation>AUC del modelo</translation>
    </message>
</context>
<context>
    <name>atalaya::ReplicaLagIndicator</name>
    <message>
        <source>Replica lag —</source>
        <translation>Retraso de la réplica —</translation>
    </message>
    <message>
        <source>Replica unreachable</source>
        <translation>Réplica inalcanzable</translation>
    </message>
    <message>
        <source>Replication stopped</source>
        <translation>Replicación detenida</translation>
    </message>
    <message numerus="yes">
        <source>Replica lag %n s</source>
        <translation>
            <numerusform>Retraso de la réplica %n s</numerusform>
            <numerusform>Retraso de la réplica %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue, counts and dashboards are read from the replica %1; verdicts and the audit log are written to %2. Right after your own verdict, reads go to %2 until the replica has it.</source>
        <translation>La cola, los recuentos y los paneles se leen de la réplica %1; los veredictos y el registro de auditoría se escriben en %2. Justo después de un veredicto dado aquí, las lecturas van a %2 hasta que la réplica lo tenga.</translation>
    </message>
    <message>
        <source>Lag from the heartbeat row the primary rewrites (this account may not read SHOW SLAVE STATUS).</source>
        <translation>Retraso según la fila de latido que reescribe el primario (esta cuenta no puede leer SHOW SLAVE STATUS).</translation>
    </message>
    <message>
        <source>Lag from SHOW SLAVE STATUS (Seconds_Behind_Master).</source>
        <translation>Retraso según SHOW SLAVE STATUS (Seconds_Behind_Master).</translation>
    </message>
    <message numerus="yes">
        <source>Warning above %n s (Settings).</source>
        <translation>
            <numerusform>Aviso por encima de %n s (Ajustes).</numerusform>
            <numerusform>Aviso por encima de %n s (Ajustes).</numerusform>
        </translation>
    </message>
    <message>
        <source>Replica down: reading from the primary</source>
        <translation>Réplica caída: se lee del primario</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewDetailPane</name>
    <message>
        <source>The selected decision, its metadata and who reviewed it before</source>
        <translation>La decisión seleccionada, sus metadatos y quién la revisó antes</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>sin plazo</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>vencida hace %1</translation>
    </message>
    <message>
        <source>due in %1</source>
        <translation>vence en %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Execution time</source>
        <translation>Tiempo de ejecución</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>Feedback history</source>
        <translation>Historial de feedback</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Never reviewed.</source>
        <translation>Nunca revisada.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Second review</source>
        <translation>Segunda revisión</translation>
    </message>
    <message>
        <source>Blind review: the first verdict, its note and its reviewer are shown once yours is in.</source>
        <translation>Revisión a ciegas: el primer veredicto, su nota y quién lo dio se muestran cuando el tuyo esté guardado.</translation>
    </message>
    <message>
        <source>First review</source>
        <translation>Primera revisión</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>Arbitraje</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>sin nota</translation>
    </message>
    <message>
        <source>Reviews to adjudicate</source>
        <translation>Revisiones por arbitrar</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewQueueModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>sin plazo</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>vencida hace %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Decision #%1</source>
        <translation>Decisión n.º %1</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>P0 within 1 hour, P1 within 24 hours, P2 within a week, P3 sampled</source>
        <translation>P0 en 1 hora, P1 en 24 horas, P2 en una semana, P3 por muestreo</translation>
    </message>
    <message>
        <source>Why the rules put this decision in the queue</source>
        <translation>Por qué las reglas pusieron esta decisión en la cola</translation>
    </message>
    <message>
        <source>Time left before the review deadline, or how late it is</source>
        <translation>Tiempo restante hasta el plazo de revisión, o cuánto retraso lleva</translation>
    </message>
    <message>
        <source>Created %1%2</source>
        <translation>Creada el %1%2</translation>
    </message>
    <message>
        <source>, due %1</source>
        <translation>, vence el %1</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewQueuePage</name>
    <message>
        <source>Reviewed meanwhile</source>
        <translation>Revisada mientras tanto</translation>
    </message>
    <message>
        <source>%1.

Overwrite that review with yours?</source>
        <translation>%1.

¿Sobrescribir esa revisión con la suya?</translation>
    </message>
    <message>
        <source>Arrows move, 1 correct, 2 incorrect, 3 partially correct, Ctrl+Z undo</source>
        <translation>Flechas: mover, 1 correcto, 2 incorrecto, 3 parcialmente correcto, Ctrl+Z deshacer</translation>
    </message>
    <message>
        <source>Optional note for the audit log</source>
        <translation>Nota opcional para el registro de auditoría</translation>
    </message>
    <message>
        <source>Saved with the next verdict; press Tab or click the table to use the keys again</source>
        <translation>Se guarda con el siguiente veredicto; pulse Tab o haga clic en la tabla para volver a usar las teclas</translation>
    </message>
    <message>
        <source>1  Correct</source>
        <translation>1  Correcto</translation>
    </message>
    <message>
        <source>2  Incorrect</source>
        <translation>2  Incorrecto</translation>
    </message>
    <message>
        <source>3  Partially correct</source>
        <translation>3  Parcialmente correcto</translation>
    </message>
    <message>
        <source>The decision was right (accuracy 1.0) — key 1</source>
        <translation>La decisión fue acertada (precisión 1.0) — tecla 1</translation>
    </message>
    <message>
        <source>The decision was wrong (accuracy 0.0) — key 2</source>
        <translation>La decisión fue errónea (precisión 0.0) — tecla 2</translation>
    </message>
    <message>
        <source>Partly right (accuracy 0.5) — key 3</source>
        <translation>Parcialmente acertada (precisión 0.5) — tecla 3</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>No hay conexión a ninguna base de datos.</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>No se puede leer la cola: %1</translation>
    </message>
    <message>
        <source>Nothing to review. Well done.</source>
        <translation>Nada que revisar. ¡Buen trabajo!</translation>
    </message>
    <message>
        <source>Feedback is disabled: %1</source>
        <translation>El feedback está desactivado: %1</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>No hay nada que deshacer.</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>deshacer</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Decision #%1 is not waiting for review (reviewed already, or not in this database).</source>
        <translation>La decisión n.º %1 no está pendiente de revisión (ya revisada, o no está en esta base de datos).</translation>
    </message>
    <message>
        <source>Counting the queue…</source>
        <translation>Contando la cola…</translation>
    </message>
    <message>
        <source>The queue is shown; its counts could not be read: %1</source>
        <translation>La cola se muestra; sus recuentos no se pudieron leer: %1</translation>
    </message>
    <message>
        <source>Recounting the queue for the new rules; counts are read from the decisions meanwhile…</source>
        <translation>Recontando la cola con las nuevas reglas; mientras tanto los recuentos se leen de las decisiones…</translation>
    </message>
    <message>
        <source>The queue counts follow the new rules.</source>
        <translation>Los recuentos de la cola siguen las nuevas reglas.</translation>
    </message>
    <message>
        <source>Counts are read from the decisions (%1).</source>
        <translation>Los recuentos se leen de las decisiones (%1).</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Reglas…</translation>
    </message>
    <message>
        <source>Edit the P0–P3 rules, deadlines and the P3 sample (Settings)</source>
        <translation>Editar las reglas P0–P3, los plazos y la muestra P3 (Ajustes)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln decision(s) waiting for review</source>
        <translation>
            <numerusform>%Ln decisión pendiente de revisión</numerusform>
            <numerusform>%Ln decisiones pendientes de revisión</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback is on: %1</source>
        <translation>El feedback sigue activo: %1</translation>
    </message>
    <message>
        <source>Undone; the decision is back in its own view.</source>
        <translation>Deshecho; la decisión vuelve a su propia vista.</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Second review</source>
        <translation>Segunda revisión</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>Arbitraje</translation>
    </message>
    <message>
        <source>Decisions waiting for their first review — Alt+1</source>
        <translation>Decisiones que esperan su primera revisión — Alt+1</translation>
    </message>
    <message>
        <source>Reviewed decisions picked for a blind second review by another reviewer — Alt+2</source>
        <translation>Decisiones revisadas elegidas para una segunda revisión a ciegas por otra persona — Alt+2</translation>
    </message>
    <message>
        <source>Decisions whose first and second reviews disagree — Alt+3</source>
        <translation>Decisiones cuya primera y segunda revisión no coinciden — Alt+3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln of your first reviews wait for another reviewer&apos;s second review.</source>
        <translation>
            <numerusform>%n de sus primeras revisiones espera la segunda revisión de otro revisor.</numerusform>
            <numerusform>%n de sus primeras revisiones esperan la segunda revisión de otro revisor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disagreement(s) you reviewed wait for a third reviewer: an adjudication cannot come from either of the two reviewers.</source>
        <translation>
            <numerusform>%n desacuerdo que usted revisó espera a un tercer revisor: el arbitraje no puede venir de ninguno de los dos revisores.</numerusform>
            <numerusform>%n desacuerdos que usted revisó esperan a un tercer revisor: el arbitraje no puede venir de ninguno de los dos revisores.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your verdict on #%1 was not saved: %2</source>
        <translation>Su veredicto sobre #%1 no se guardó: %2</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRules</name>
    <message>
        <source>invalid confidence %1 (outside 0–1)</source>
        <translation>confianza no válida %1 (fuera de 0–1)</translation>
    </message>
    <message>
        <source>confidence %1 &lt; %2</source>
        <translation>confianza %1 &lt; %2</translation>
    </message>
    <message>
        <source>confidence %1 in [%2, %3%4</source>
        <translation>confianza %1 en [%2, %3%4</translation>
    </message>
    <message>
        <source>confidence %1 &gt; %2</source>
        <translation>confianza %1 &gt; %2</translation>
    </message>
    <message>
        <source>task type %1</source>
        <translation>tipo de tarea %1</translation>
    </message>
    <message>
        <source>deployment/rollback task (%v)</source>
        <translation>tarea de despliegue/rollback (%v)</translation>
    </message>
    <message>
        <source>production deployment</source>
        <translation>despliegue en producción</translation>
    </message>
    <message>
        <source>rollback decision</source>
        <translation>decisión de rollback</translation>
    </message>
    <message>
        <source>marked critical</source>
        <translation>marcada como crítica</translation>
    </message>
    <message>
        <source>affects %v teams</source>
        <translation>afecta a %v equipos</translation>
    </message>
    <message>
        <source>critical code review</source>
        <translation>revisión de código crítica</translation>
    </message>
    <message>
        <source>routine %v</source>
        <translation>%v rutinaria</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRulesEditor</name>
    <message>
        <source>Each pending decision gets the most urgent priority with a matching condition. Changes apply to the queue and its counts as soon as they are saved.</source>
        <translation>Cada decisión pendiente recibe la prioridad más urgente cuya condición cumple. Los cambios se aplican a la cola y a sus recuentos en cuanto se guardan.</translation>
    </message>
    <message>
        <source>Review within (hours, 0 = no deadline)</source>
        <translation>Revisar en (horas, 0 = sin plazo)</translation>
    </message>
    <message>
        <source>Share queued (%)</source>
        <translation>Parte en cola (%)</translation>
    </message>
    <message>
        <source>Hours from the decision to its review deadline; 0 = no deadline</source>
        <translation>Horas desde la decisión hasta el plazo de revisión; 0 = sin plazo</translation>
    </message>
    <message>
        <source>Only this stable share of the matching decisions is queued (the same for every reviewer)</source>
        <translation>Solo esta parte estable de las decisiones que cumplen entra en la cola (la misma para todos los revisores)</translation>
    </message>
    <message>
        <source>Add condition</source>
        <translation>Añadir condición</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>a %1</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Quitar condición</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>Restablecer valores predeterminados</translation>
    </message>
    <message>
        <source>The rules of the review guide: P0 deployments, rollbacks and confidence below 0.70, …</source>
        <translation>Las reglas de la guía de revisión: P0 despliegues, rollbacks y confianza inferior a 0,70, …</translation>
    </message>
    <message>
        <source>The rules are valid.</source>
        <translation>Las reglas son válidas.</translation>
    </message>
    <message>
        <source>Second review of reviewed decisions</source>
        <translation>Segunda revisión de decisiones revisadas</translation>
    </message>
    <message>
        <source>This stable share of the reviewed decisions gets a blind second review by another reviewer; disagreements go to adjudication</source>
        <translation>Esta parte estable de las decisiones revisadas recibe una segunda revisión a ciegas por otra persona; los desacuerdos pasan a arbitraje</translation>
    </message>
    <message>
        <source>and every P0</source>
        <translation>y todas las P0</translation>
    </message>
    <message>
        <source>Every reviewed P0 decision gets a second review too</source>
        <translation>Todas las decisiones P0 revisadas reciben también una segunda revisión</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewRulesModel</name>
    <message>
        <source>task type &quot;%1&quot; is longer than 50 characters</source>
        <translation>el tipo de tarea «%1» tiene más de 50 caracteres</translation>
    </message>
    <message>
        <source>the confidence &quot;%1&quot; must be a number from 0 to 1</source>
        <translation>la confianza «%1» debe ser un número de 0 a 1</translation>
    </message>
    <message>
        <source>the upper confidence &quot;%1&quot; must be a number from 0 to 1</source>
        <translation>la confianza superior «%1» debe ser un número de 0 a 1</translation>
    </message>
    <message>
        <source>the range starts at %1, above its end %2</source>
        <translation>el rango empieza en %1, por encima de su final %2</translation>
    </message>
    <message>
        <source>list at least one task type, separated by commas</source>
        <translation>indique al menos un tipo de tarea, separados por comas</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; must be names of letters, digits and _ joined by dots (e.g. environment)</source>
        <translation>la clave «%1» deben ser nombres de letras, dígitos y _ unidos por puntos (p. ej. environment)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>«%1» no es un número</translation>
    </message>
    <message>
        <source>say which value the key must have</source>
        <translation>indique qué valor debe tener la clave</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>Fila %1 (%2): %3</translation>
    </message>
    <message>
        <source>With no rules nothing would be queued: add at least one.</source>
        <translation>Sin reglas no entraría nada en la cola: añada al menos una.</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>metadatos</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>decisión</translation>
    </message>
    <message>
        <source>confidence below</source>
        <translation>confianza inferior a</translation>
    </message>
    <message>
        <source>confidence from … to</source>
        <translation>confianza de … a</translation>
    </message>
    <message>
        <source>confidence above</source>
        <translation>confianza superior a</translation>
    </message>
    <message>
        <source>task type is one of</source>
        <translation>tipo de tarea entre</translation>
    </message>
    <message>
        <source>key equals</source>
        <translation>clave igual a</translation>
    </message>
    <message>
        <source>key is a number above</source>
        <translation>clave numérica mayor que</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>Checked: the end of the range is included (confidence ≤ end)</source>
        <translation>Marcado: el final del rango está incluido (confianza ≤ final)</translation>
    </message>
    <message>
        <source>Task types that match, separated by commas</source>
        <translation>Tipos de tarea que cumplen, separados por comas</translation>
    </message>
    <message>
        <source>Only for these task types (empty: any)</source>
        <translation>Solo para estos tipos de tarea (vacío: cualquiera)</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Up to</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Task types</source>
        <translation>Tipos de tarea</translation>
    </message>
    <message>
        <source>In</source>
        <translation>En</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Reason shown</source>
        <translation>Motivo mostrado</translation>
    </message>
    <message>
        <source>A decision gets the most urgent priority with a matching condition</source>
        <translation>Una decisión recibe la prioridad más urgente cuya condición cumple</translation>
    </message>
    <message>
        <source>Confidence threshold (0–1), range start, or the value the key must have</source>
        <translation>Umbral de confianza (0–1), inicio del rango o el valor que debe tener la clave</translation>
    </message>
    <message>
        <source>Look the key up in the decision&apos;s metadata or in the decision itself</source>
        <translation>Buscar la clave en los metadatos de la decisión o en la propia decisión</translation>
    </message>
    <message>
        <source>Key in the JSON, dotted for nested keys (environment, action, build.stage)</source>
        <translation>Clave en el JSON, con puntos para claves anidadas (environment, action, build.stage)</translation>
    </message>
    <message>
        <source>Reason shown to reviewers; %v is the matched value; empty: generated</source>
        <translation>Motivo que ven los revisores; %v es el valor encontrado; vacío: generado</translation>
    </message>
</context>
<context>
    <name>atalaya::ReviewerAgreementModel</name>
    <message>
        <source>%1 first reviews, %2 second reviews, %3 adjudications</source>
        <translation>%1 primeras revisiones, %2 segundas revisiones, %3 arbitrajes</translation>
    </message>
    <message>
        <source>%1 of %2 first reviews within the SLA</source>
        <translation>%1 de %2 primeras revisiones dentro del SLA</translation>
    </message>
    <message>
        <source>%1 of %2 verdicts overturned; %3 went to adjudication</source>
        <translation>%1 de %2 veredictos revocados; %3 pasaron a arbitraje</translation>
    </message>
    <message>
        <source>Median time from the decision&apos;s creation to this reviewer&apos;s verdict, %1 decisions</source>
        <translation>Mediana del tiempo desde la creación de la decisión hasta el veredicto de este revisor, decisiones %1</translation>
    </message>
    <message>
        <source>Share of the reviewer&apos;s first reviews given within the SLA of the decision&apos;s priority</source>
        <translation>Proporción de las primeras revisiones del revisor dadas dentro del SLA de la prioridad de la decisión</translation>
    </message>
    <message>
        <source>Share of the reviewer&apos;s first and second reviews the adjudicator overturned</source>
        <translation>Proporción de las primeras y segundas revisiones del revisor que el árbitro revocó</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Veredictos</translation>
    </message>
    <message>
        <source>SLA hit rate</source>
        <translation>SLA cumplido</translation>
    </message>
    <message>
        <source>Overturned</source>
        <translation>Revocados</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskBatchModel</name>
    <message>
        <source>Above %1</source>
        <translation>Por encima de %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>P(failure)</source>
        <translation>P(fallo)</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskBatchPanel</name>
    <message>
        <source>Select cycles (Shift, Ctrl, Ctrl+A) and predict them together.</source>
        <translation>Seleccione ciclos (Mayús, Ctrl, Ctrl+A) y predígalos a la vez.</translation>
    </message>
    <message>
        <source>A cycle is gated when its risk score is above this value (the CLI&apos;s --fail-above).</source>
        <translation>Un ciclo queda retenido cuando su puntuación de riesgo supera este valor (el --fail-above de la CLI).</translation>
    </message>
    <message>
        <source>Gate above</source>
        <translation>Retener por encima de</translation>
    </message>
    <message>
        <source>Predict selected</source>
        <translation>Predecir los seleccionados</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Train a model first.</source>
        <translation>Entrene antes un modelo.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cycle(s) above %2.</source>
        <translation>
            <numerusform>%1 de %n ciclo por encima de %2.</numerusform>
            <numerusform>%1 de %n ciclos por encima de %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atalaya::RiskFeatures</name>
    <message>
        <source>Lead time</source>
        <translation>Lead time</translation>
    </message>
    <message>
        <source>Tests passed</source>
        <translation>Pruebas superadas</translation>
    </message>
    <message>
        <source>Lines changed</source>
        <translation>Líneas modificadas</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Día de la semana</translation>
    </message>
    <message>
        <source>Failed tests (7 days)</source>
        <translation>Pruebas fallidas (7 días)</translation>
    </message>
    <message>
        <source>Deployments (7 days)</source>
        <translation>Despliegues (7 días)</translation>
    </message>
    <message>
        <source>Planning time</source>
        <translation>Tiempo de planificación</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>Complejidad</translation>
    </message>
    <message>
        <source>Code review score</source>
        <translation>Revisión de código</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskForm</name>
    <message>
        <source>Cycle</source>
        <translation>Ciclo</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> líneas</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>What-if (typed values)</source>
        <translation>Simulación (valores introducidos)</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskGauge</name>
    <message>
        <source>Very low</source>
        <translation>Muy bajo</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Very low risk</source>
        <translation>Riesgo muy bajo</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Riesgo bajo</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Riesgo medio</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Riesgo alto</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskModelPanel</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>Entrenado</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Comprob.</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Últimos</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Activate even if checks fail</source>
        <translation>Activar aunque fallen las comprobaciones</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>Reentrenar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&lt;b&gt;No active model.&lt;/b&gt; Train one from the delivery history with &lt;i&gt;Retrain&lt;/i&gt;.</source>
        <translation>&lt;b&gt;No hay ningún modelo activo.&lt;/b&gt; Entrene uno a partir del historial de entregas con &lt;i&gt;Reentrenar&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1 (activo)</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>superadas</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallidas</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>time split: not enough history on both sides</source>
        <translation>división temporal: no hay historial suficiente a ambos lados</translation>
    </message>
    <message>
        <source>time split (older %1 → newest %2): accuracy %3 · F1 %4 · ROC AUC %5 · Brier %6</source>
        <translation>división temporal (%1 más antiguos → %2 más recientes): exactitud %3 · F1 %4 · ROC AUC %5 · Brier %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; trained %2 on the last %3 days&lt;br&gt;%4 samples, failure rate %5 %; %6-fold cross-validation (out-of-fold):&lt;br&gt;accuracy %7 · precision %8 · recall %9 · F1 %10 · ROC AUC %11 · Brier %12&lt;br&gt;%13&lt;br&gt;probability calibration: %14&lt;br&gt;%15</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; entrenado el %2 con los últimos %3 días&lt;br&gt;%4 muestras, tasa de fallos %5 %; validación cruzada de %6 particiones (fuera de partición):&lt;br&gt;exactitud %7 · precisión %8 · exhaustividad %9 · F1 %10 · ROC AUC %11 · Brier %12&lt;br&gt;%13&lt;br&gt;calibración de la probabilidad: %14&lt;br&gt;%15</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskMonitorPanel</name>
    <message>
        <source>Days since the active model was trained; retrain after %1 days</source>
        <translation>Días desde que se entrenó el modelo activo; reentrenar pasados %1 días</translation>
    </message>
    <message>
        <source>Recorded predictions (Record this check, risk predict --record) of cycles whose outcome arrived since, over the last 30 days</source>
        <translation>Predicciones registradas (Registrar esta comprobación, risk predict --record) de ciclos cuyo resultado ya se conoce, en los últimos 30 días</translation>
    </message>
    <message>
        <source>Recorded risk scores per week: 10th percentile, median and 90th percentile</source>
        <translation>Puntuaciones de riesgo registradas por semana: percentil 10, mediana y percentil 90</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>PSI</source>
        <translation>PSI</translation>
    </message>
    <message>
        <source>Population stability index of each feature: cycles of the last 30 days against the model&apos;s training data. 0.10 or more is a drift, 0.25 or more a large one.</source>
        <translation>Índice de estabilidad poblacional de cada variable: ciclos de los últimos 30 días frente a los datos de entrenamiento del modelo. 0,10 o más es una deriva; 0,25 o más, una deriva grande.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Aún no hay modelo</translation>
    </message>
    <message>
        <source>Model %1 trained %2 days ago: retrain it</source>
        <translation>Modelo %1 entrenado hace %2 días: reentrénelo</translation>
    </message>
    <message>
        <source>Model %1 trained %2 days ago</source>
        <translation>Modelo %1 entrenado hace %2 días</translation>
    </message>
    <message>
        <source>No recorded prediction has an outcome yet</source>
        <translation>Ninguna predicción registrada tiene resultado todavía</translation>
    </message>
    <message>
        <source>Past predictions: accuracy %1, Brier %2, AUC %3 (n = %4)</source>
        <translation>Predicciones pasadas: exactitud %1, Brier %2, AUC %3 (n = %4)</translation>
    </message>
    <message>
        <source>P10</source>
        <translation>P10</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>Puntuación de riesgo</translation>
    </message>
    <message>
        <source>%1 training rows, %2 recent cycles</source>
        <translation>%1 filas de entrenamiento, %2 ciclos recientes</translation>
    </message>
    <message>
        <source>No recorded predictions yet. “Record this check” on the Deployment tab, or atalaya-cli risk predict --record, adds one; the chart of their risk scores appears here.</source>
        <translation>Aún no hay predicciones registradas. «Registrar esta comprobación» en la pestaña Despliegue, o atalaya-cli risk predict --record, añade una; aquí aparece el gráfico de sus puntuaciones de riesgo.</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Semana del</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskPage</name>
    <message>
        <source>Reading the history…</source>
        <translation>Leyendo el historial…</translation>
    </message>
    <message>
        <source>Growing trees…</source>
        <translation>Construyendo árboles…</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluando…</translation>
    </message>
    <message>
        <source>Feature importance…</source>
        <translation>Importancia de las variables…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Despliegue</translation>
    </message>
    <message>
        <source>Record this check</source>
        <translation>Registrar esta comprobación</translation>
    </message>
    <message>
        <source>Writes the prediction as a decision of deployment-risk-predictor, so reviewers can judge it</source>
        <translation>Guarda la predicción como una decisión de deployment-risk-predictor para que los revisores puedan evaluarla</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not connected to a database</source>
        <translation>No hay conexión a ninguna base de datos</translation>
    </message>
    <message>
        <source>Loading cycle %1…</source>
        <translation>Cargando el ciclo %1…</translation>
    </message>
    <message>
        <source>Cycle %1 failed in reality.</source>
        <translation>El ciclo %1 falló en la realidad.</translation>
    </message>
    <message>
        <source>Cycle %1 succeeded in reality.</source>
        <translation>El ciclo %1 tuvo éxito en la realidad.</translation>
    </message>
    <message>
        <source>Recorded as decision #%1; it now waits for review.</source>
        <translation>Registrada como decisión n.º %1; ahora está pendiente de revisión.</translation>
    </message>
    <message>
        <source>Training cancelled; nothing stored.</source>
        <translation>Entrenamiento cancelado; no se ha guardado nada.</translation>
    </message>
    <message>
        <source>Stored and activated %1.</source>
        <translation>%1 guardado y activado.</translation>
    </message>
    <message>
        <source>Stored %1 but not activated: the validation checks failed.</source>
        <translation>%1 guardado pero no activado: las comprobaciones de validación fallaron.</translation>
    </message>
    <message>
        <source>%1 is now the active model.</source>
        <translation>%1 es ahora el modelo activo.</translation>
    </message>
    <message>
        <source>Deployment risk</source>
        <translation>Riesgo de despliegue</translation>
    </message>
    <message>
        <source>Choosing settings by cross-validation…</source>
        <translation>Eligiendo la configuración por validación cruzada…</translation>
    </message>
    <message>
        <source>Release check…</source>
        <translation>Control de despliegue…</translation>
    </message>
    <message>
        <source>Go / no-go for the picked cycle: its risk, the involved agents&apos; reviews, alerts and calibration, and the model&apos;s age and AUC. The check is recorded.</source>
        <translation>Desplegar o no el ciclo elegido: su riesgo, las revisiones, alertas y calibración de los agentes implicados, y la antigüedad y el AUC del modelo. El control queda registrado.</translation>
    </message>
    <message>
        <source>Several cycles</source>
        <translation>Varios ciclos</translation>
    </message>
    <message>
        <source>Checking cycle %1…</source>
        <translation>Comprobando el ciclo %1…</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Model monitoring: the model&apos;s age, the accuracy of its recorded predictions, their risk scores and each feature&apos;s drift from the training data</source>
        <translation>Seguimiento del modelo: su antigüedad, la exactitud de sus predicciones registradas, sus puntuaciones de riesgo y la deriva de cada variable respecto a los datos de entrenamiento</translation>
    </message>
</context>
<context>
    <name>atalaya::RiskPredictionView</name>
    <message>
        <source>Prediction</source>
        <translation>Predicción</translation>
    </message>
    <message>
        <source>risk score %1 · confidence %2 · calibrated failure probability %3 % · base %4 · model %5</source>
        <translation>puntuación de riesgo %1 · confianza %2 · probabilidad de fallo calibrada %3 % · base %4 · modelo %5</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Recomendaciones</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>Aún no hay modelo</translation>
    </message>
    <message>
        <source>Train a model with Retrain to predict deployment risk.</source>
        <translation>Entrene un modelo con Reentrenar para predecir el riesgo de despliegue.</translation>
    </message>
</context>
<context>
    <name>atalaya::ScreenshotRunner</name>
    <message>
        <source>error: unknown page &apos;%1&apos;</source>
        <translation>error: página desconocida &apos;%1&apos;</translation>
    </message>
    <message>
        <source>error: page %1 failed to load: %2</source>
        <translation>error: no se pudo cargar la página %1: %2</translation>
    </message>
    <message>
        <source>error: cannot write %1</source>
        <translation>error: no se puede escribir %1</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>escrito %1</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>tiempo de espera agotado tras %1 s</translation>
    </message>
</context>
<context>
    <name>atalaya::SessionPanel</name>
    <message>
        <source>Preparing tables (rollups %1 %)…</source>
        <translation>Preparando las tablas (agregados %1 %)…</translation>
    </message>
    <message>
        <source>Preparing tables…</source>
        <translation>Preparando las tablas…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Conectar…</translation>
    </message>
    <message>
        <source>Retry, or choose another database with Connect…</source>
        <translation>Reintente o elija otra base de datos con Conectar…</translation>
    </message>
</context>
<context>
    <name>atalaya::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Recorded with every verdict in the audit log; empty: your user name</source>
        <translation>Se registra con cada veredicto en el registro de auditoría; vacío: su nombre de usuario</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Nombre del revisor</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Review rules</source>
        <translation>Reglas de revisión</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a page or a verdict waits when another program holds a lock on the data, before saying so; applies from the next connection</source>
        <translation>Cuánto espera una página o un veredicto cuando otro programa tiene bloqueados los datos, antes de avisarlo; se aplica desde la próxima conexión</translation>
    </message>
    <message>
        <source>Wait for locked data</source>
        <translation>Espera ante datos bloqueados</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>With a read replica: the status bar warns when the replica is further behind the primary than this</source>
        <translation>Con una réplica de lectura: la barra de estado avisa cuando la réplica va más retrasada que esto respecto al primario</translation>
    </message>
    <message>
        <source>Warn when the replica lags more than</source>
        <translation>Avisar si la réplica se retrasa más de</translation>
    </message>
</context>
<context>
    <name>atalaya::StatusPanel</name>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Sin conexión: %1</translation>
    </message>
    <message>
        <source>Last refresh %1</source>
        <translation>Última actualización %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Aún sin actualizar</translation>
    </message>
    <message>
        <source>Outbox —</source>
        <translation>Bandeja de salida —</translation>
    </message>
    <message>
        <source>Outbox %1</source>
        <translation>Bandeja de salida %1</translation>
    </message>
    <message>
        <source>Live feed: %1</source>
        <translation>Flujo en directo: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Times in UTC</source>
        <translation>Horas en UTC</translation>
    </message>
    <message>
        <source>Every time Atalaya shows is in UTC, the time zone of the data</source>
        <translation>Todas las horas que muestra Atalaya están en UTC, la zona horaria de los datos</translation>
    </message>
    <message numerus="yes">
        <source>Connection to %1 lost, reconnecting every %n s: %2</source>
        <translation>
            <numerusform>Conexión con %1 perdida, reconectando cada %n s: %2</numerusform>
            <numerusform>Conexión con %1 perdida, reconectando cada %n s: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>atalaya::WhatIfPanel</name>
    <message>
        <source>P&amp;0 below</source>
        <translation>P&amp;0 por debajo de</translation>
    </message>
    <message>
        <source>P&amp;1 below</source>
        <translation>P&amp;1 por debajo de</translation>
    </message>
    <message>
        <source>P&amp;2 up to</source>
        <translation>P&amp;2 hasta</translation>
    </message>
    <message>
        <source>Decisions with a confidence below this are P0: reviewed within the P0 deadline</source>
        <translation>Las decisiones con confianza por debajo de este valor son P0: se revisan dentro del plazo de P0</translation>
    </message>
    <message>
        <source>Decisions from the P0 cut to below this are P1</source>
        <translation>Las decisiones desde el corte de P0 hasta por debajo de este valor son P1</translation>
    </message>
    <message>
        <source>Decisions from the P1 cut up to this one are P2; above it they are P3, of which only a sample is reviewed</source>
        <translation>Las decisiones desde el corte de P1 hasta este valor son P2; por encima son P3, de las que solo se revisa una muestra</translation>
    </message>
    <message>
        <source>Current, a day</source>
        <translation>Actual, al día</translation>
    </message>
    <message>
        <source>Proposed, a day</source>
        <translation>Propuesta, al día</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>P0 reviews</source>
        <translation>Revisiones P0</translation>
    </message>
    <message>
        <source>P1 reviews</source>
        <translation>Revisiones P1</translation>
    </message>
    <message>
        <source>P2 reviews</source>
        <translation>Revisiones P2</translation>
    </message>
    <message>
        <source>P3 reviews (sample)</source>
        <translation>Revisiones P3 (muestra)</translation>
    </message>
    <message>
        <source>All reviews</source>
        <translation>Todas las revisiones</translation>
    </message>
    <message>
        <source>Wrong decisions unreviewed</source>
        <translation>Decisiones erróneas sin revisar</translation>
    </message>
    <message>
        <source>Expected wrong decisions a day that no reviewer sees: an incorrect decision counts 1, a partially correct one 0.5</source>
        <translation>Decisiones erróneas esperadas al día que ningún revisor ve: una decisión incorrecta cuenta 1 y una parcialmente correcta 0,5</translation>
    </message>
    <message>
        <source>&amp;Apply as rule set…</source>
        <translation>&amp;Aplicar como reglas…</translation>
    </message>
    <message>
        <source>Store these cut-points as the review rules (asks first); the queue re-prioritises at once and the other rules stay as they are</source>
        <translation>Guarda estos cortes como reglas de revisión (pregunta antes); la cola se reordena en el acto y las demás reglas no cambian</translation>
    </message>
    <message>
        <source>Estimated from %1 reviewed of %2 decisions over %3 days, from each confidence band&apos;s error rate. Current rules: %4. Only confidence and task-type rules are evaluated; rules on metadata lift some decisions higher than shown.</source>
        <translation>Estimado con %1 revisadas de %2 decisiones en %3 días, a partir de la tasa de error de cada banda de confianza. Reglas actuales: %4. Solo se evalúan las reglas de confianza y de tipo de tarea; las reglas sobre metadatos suben algunas decisiones a una prioridad mayor que la mostrada.</translation>
    </message>
    <message>
        <source>P0 below %1, P1 below %2, P2 up to %3</source>
        <translation>P0 por debajo de %1, P1 por debajo de %2, P2 hasta %3</translation>
    </message>
    <message>
        <source>confidence rules of another shape</source>
        <translation>reglas de confianza de otra forma</translation>
    </message>
    <message>
        <source>Confidence %1–%2: %3 a day, %4 reviewed, error rate %5</source>
        <translation>Confianza %1–%2: %3 al día, %4 revisadas, tasa de error %5</translation>
    </message>
    <message>
        <source>Store P0 below %1, P1 below %2 and P2 up to %3 as the review rules? The queue re-prioritises at once; rules on task types and metadata, deadlines and the P3 sample stay as they are.</source>
        <translation>¿Guardar P0 por debajo de %1, P1 por debajo de %2 y P2 hasta %3 como reglas de revisión? La cola se reordena en el acto; las reglas de tipos de tarea y metadatos, los plazos y la muestra de P3 no cambian.</translation>
    </message>
    <message>
        <source>Apply as rule set</source>
        <translation>Aplicar como reglas</translation>
    </message>
</context>
<context>
    <name>atalaya::charts</name>
    <message>
        <source>No decisions in this period</source>
        <translation>No hay decisiones en este período</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>no display found: rendering every page to %1 and printing the overview JSON</source>
        <translation>no se encontró pantalla: se dibuja cada página en %1 y se imprime el JSON del resumen</translation>
    </message>
</context>
</TS>
