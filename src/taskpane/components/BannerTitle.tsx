import { makeStyles, MessageBarTitle } from "@fluentui/react-components";

// On a line of its own: Fluent's inline title ran into the text after it ("ProblèmeLe fichier…").
const useStyles = makeStyles({ title: { display: "block" } });

/** The bold title of a banner, kept apart from its text for readers, copy and screen readers. */
export function BannerTitle({ children }: { children: string }) {
  return <MessageBarTitle className={useStyles().title}>{children}</MessageBarTitle>;
}
