import { detectHost, isHostedByOffice } from "../../src/taskpane/host";

/** An office.js stand-in whose onReady answers when the test says so. */
function lateOffice() {
  let answer: (info: { host: string | null }) => void = () => undefined;
  const office = {
    HostType: { Excel: "Excel" },
    context: { displayLanguage: "en-US" },
    onReady: (cb: (info: { host: string | null }) => void) => {
      answer = cb;
      return new Promise(() => undefined);
    },
  } as unknown as typeof Office;
  return { office, answer: (host: string | null) => answer({ host }) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("host detection", () => {
  it("Office's host query parameter, or its session copy, says the page is hosted by Office", () => {
    expect(isHostedByOffice("?_host_Info=Excel$Win32$16.01$fr-FR$$$$0", null)).toBe(true);
    expect(
      isHostedByOffice("?view=aide", { getItem: (k) => (k === "hostInfoValue" ? "Excel|Win32" : null) }),
    ).toBe(true);
    expect(isHostedByOffice("?view=aide", { getItem: () => null })).toBe(false);
    expect(
      isHostedByOffice("", {
        getItem: () => {
          throw new Error("blocked");
        },
      }),
    ).toBe(false);
  });

  it("hosted: waits for Office beyond the timeout, never falls into file mode", async () => {
    jest.useFakeTimers();
    try {
      const { office, answer } = lateOffice();
      let first: unknown = null;
      void detectHost({ hosted: true, timeoutMs: 5000, office }).first.then((h) => (first = h));
      jest.advanceTimersByTime(60_000);
      await Promise.resolve();
      expect(first).toBeNull();
      answer("Excel");
      await Promise.resolve();
      await Promise.resolve();
      expect(first).toEqual({ inExcel: true, displayLanguage: "en-US" });
    } finally {
      jest.useRealTimers();
    }
  });

  it("not hosted: file mode after the timeout, and Office's late answer still says Excel", async () => {
    const { office, answer } = lateOffice();
    const detection = detectHost({ hosted: false, timeoutMs: 1, office });
    expect(await detection.first).toEqual({ inExcel: false, displayLanguage: null });
    answer("Excel");
    await settle();
    expect(await detection.final).toEqual({ inExcel: true, displayLanguage: "en-US" });
  });

  it("a plain browser: office.js answers with no host, file mode", async () => {
    const { office, answer } = lateOffice();
    const detection = detectHost({ hosted: false, timeoutMs: 5000, office });
    answer(null);
    expect(await detection.first).toEqual({ inExcel: false, displayLanguage: null });
  });
});
