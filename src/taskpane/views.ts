import {
  ClipboardTaskListLtr20Regular,
  DataBarVertical20Regular,
  DocumentMultiple20Regular,
  QuestionCircle20Regular,
  Send20Regular,
} from "@fluentui/react-icons";
import { createElement, lazy, type ComponentType, type ReactElement } from "react";
import type { WorkbookPort } from "../core";
import type { Session } from "./hooks/useWorkbookSession";
import type { RulesInUse } from "./hooks/useDepartmentSettings";
import type { LiveCheck } from "./hooks/useLiveCheck";
import type { StringKey } from "./i18n/fr";
import { VerifyView } from "./components/VerifyView";

/** What every view receives. Views added later (sending, consolidation) get the same props. */
export interface ViewProps {
  session: Session;
  /** The open workbook (Office) or the opened file; null before a file is opened in file mode. */
  port: WorkbookPort | null;
  /** True outside Excel (file mode). */
  fileMode: boolean;
  /** Opens another tab (the Envoyer view sends the user back to Vérifier). */
  goTo?: (viewId: string) => void;
  /** The rules the analysis uses (the department's from the hub, or the defaults). */
  rules?: RulesInUse;
  /** The Envoyer settings were saved or forgotten: the department's rules are asked again. */
  sendSettingsChanged?: () => void;
  /** File mode: opens a file in Vérifier (Consolider shows a returned file's findings this way). */
  openWorkbook?: (file: File) => void;
  /** « Revérifier pendant la saisie »: absent when the host cannot report edits (file mode, old Excel). */
  liveCheck?: LiveCheck | null;
}

export interface PaneView {
  /** The ?view= value used by the ribbon buttons (manifest). */
  id: string;
  label: StringKey;
  /** The tab's icon: with short labels, five tabs fit the 350 px pane. */
  icon?: ReactElement;
  component: ComponentType<ViewProps>;
  /** Works without an open workbook (file mode offers it before any file is opened). */
  standalone?: boolean;
  /** The link text offering a standalone view in file mode (default: "standaloneLink"). */
  standaloneLink?: StringKey;
}

/**
 * The tabs of the pane, in order; the ids are the ?view= values of the ribbon buttons and of the
 * manifest's help links. Only the first view is in the initial bundle; the others load when opened.
 */
export const VIEWS: PaneView[] = [
  {
    id: "verifier",
    label: "tabVerify",
    icon: createElement(ClipboardTaskListLtr20Regular),
    component: VerifyView,
  },
  {
    id: "indicateurs",
    icon: createElement(DataBarVertical20Regular),
    label: "tabIndicators",
    component: lazy(() =>
      import(/* webpackChunkName: "indicators" */ "./components/IndicatorsView.js").then((m) => ({
        default: m.IndicatorsView,
      })),
    ),
  },
  {
    id: "envoyer",
    icon: createElement(Send20Regular),
    label: "tabSend",
    component: lazy(() =>
      import(/* webpackChunkName: "send" */ "./components/SendView.js").then((m) => ({
        default: m.SendView,
      })),
    ),
  },
  {
    id: "consolider",
    icon: createElement(DocumentMultiple20Regular),
    label: "tabConsolidate",
    standalone: true,
    component: lazy(() =>
      import(/* webpackChunkName: "consolidate" */ "./components/ConsolidateView.js").then((m) => ({
        default: m.ConsolidateView,
      })),
    ),
  },
  {
    id: "aide",
    icon: createElement(QuestionCircle20Regular),
    label: "tabHelp",
    standalone: true,
    standaloneLink: "helpLink",
    component: lazy(() =>
      import(/* webpackChunkName: "help" */ "./components/HelpView.js").then((m) => ({
        default: m.HelpView,
      })),
    ),
  },
];

/** The view named by ?view= (the ribbon buttons), else the first one. */
export function initialView(search: string, views: readonly PaneView[] = VIEWS): string {
  const wanted = new URLSearchParams(search).get("view");
  return views.find((v) => v.id === wanted)?.id ?? views[0].id;
}
