import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { PRODUCT_VERSION } from "../../core";
import { HELP } from "../i18n/help";
import { useI18n } from "../i18n/i18n";
import type { ViewProps } from "../views";

const useStyles = makeStyles({
  topic: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    marginBlock: tokens.spacingVerticalS,
  },
});

/** The pane's help: what each view does, what leaves the workbook, whom to ask. Needs no workbook. */
export function HelpView(_props: ViewProps) {
  const { language } = useI18n();
  const styles = useStyles();
  const help = HELP[language];
  return (
    <article data-testid="help">
      <Body1 as="p">{help.intro}</Body1>
      {help.topics.map((topic) => (
        <section key={topic.id} className={styles.topic} aria-labelledby={`aide-${topic.id}`}>
          <Subtitle2 as="h2" id={`aide-${topic.id}`}>
            {topic.title}
          </Subtitle2>
          {topic.paragraphs.map((p, i) => (
            <Body1 as="p" key={i}>
              {p}
            </Body1>
          ))}
        </section>
      ))}
      <Caption1 as="p">{help.footer.replace("{version}", PRODUCT_VERSION)}</Caption1>
    </article>
  );
}
