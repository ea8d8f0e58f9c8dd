import { fetchFromHub } from "../../src/taskpane/consolidate/hub-source";

const settings = { url: "http://127.0.0.1:9", token: "t", period: "2025" };
const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });

describe("hub source messages (French, saying what to do)", () => {
  it("401: the token is refused", async () => {
    await expect(
      fetchFromHub(settings, { fetch: answer(401, { detail: "x" }) as typeof fetch }),
    ).rejects.toThrow(/Jeton refusé par le hub \(401\)/);
  });
  it("403: a structure's token cannot open the consolidation", async () => {
    await expect(
      fetchFromHub(settings, { fetch: answer(403, { detail: "Réservé au Département" }) as typeof fetch }),
    ).rejects.toThrow(/il faut un jeton du Département/);
  });
  it("network failure: names the address and who can allow the pane, without the variable's name", async () => {
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    await expect(fetchFromHub(settings, { fetch: down, maxElapsedMs: 0 })).rejects.toThrow(
      /http:\/\/127\.0\.0\.1:9.*service informatique du Département/s,
    );
    await expect(fetchFromHub(settings, { fetch: down, maxElapsedMs: 0 })).rejects.not.toThrow(
      /HUB_CORS_ORIGINS/,
    );
  });
  it("an invalid period is refused before any request", async () => {
    const f = jest.fn();
    await expect(
      fetchFromHub({ ...settings, period: "l'an dernier" }, { fetch: f as unknown as typeof fetch }),
    ).rejects.toThrow(/Période invalide : « l'an dernier »/);
    expect(f).not.toHaveBeenCalled();
  });
});
