import { describe, expect, it } from "vitest";
import { CARD_KINDS } from "../../shared/board";
import {
  DEFAULT_SCRIPT_ID,
  getScript,
  listScripts,
  parseScript,
  SCRIPTS,
  type Script,
  ScriptError,
  scriptSchema,
  scriptTotalMs,
} from "../../shared/meeting";
import { BLAMELESS_30 } from "../../shared/meeting/scripts/blameless30";
import { BLAMELESS_60 } from "../../shared/meeting/scripts/blameless60";

const MINUTE = 60_000;
const AT_MESSAGE = 'must be "start", "half", "last-2min", "end" or milliseconds within the phase';

function validScript(): Script {
  return {
    id: "mini",
    name: "Mini debrief",
    phases: [
      {
        id: "one",
        title: "One",
        goal: "Get going",
        durationMs: 5 * MINUTE,
        prompts: [{ at: "start", text: "Hello" }],
      },
      {
        id: "two",
        title: "Two",
        goal: "Write alone",
        durationMs: MINUTE,
        private: true,
        reveal: true,
        prompts: [],
      },
      { id: "three", title: "Three", goal: "Close", durationMs: 10 * MINUTE, prompts: [] },
    ],
    cardPrompts: { action: ["What other options were visible then?"] },
  };
}

/** Parses `mutate(validScript())` and returns the ScriptError it must throw. */
function refusal(mutate: (script: Record<string, unknown> & Script) => unknown): ScriptError {
  const script = validScript() as Record<string, unknown> & Script;
  const input = mutate(script) ?? script;
  try {
    parseScript(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScriptError);
    return error as ScriptError;
  }
  throw new Error("expected parseScript to refuse the script");
}

function phase(script: Script, index: number) {
  const found = script.phases[index];
  if (!found) throw new Error(`no phase ${index}`);
  return found as Script["phases"][number] & Record<string, unknown>;
}

describe("parseScript", () => {
  it("accepts a valid script, trims text and defaults cardPrompts to {}", () => {
    const script = validScript();
    expect(parseScript(script)).toEqual(script);
    const { cardPrompts: _omitted, ...rest } = script;
    const padded = { ...rest, name: "  Mini debrief  " };
    expect(parseScript(padded)).toMatchObject({ name: "Mini debrief", cardPrompts: {} });
  });

  it("accepts millisecond offsets from 0 up to the phase's duration", () => {
    const script = validScript();
    phase(script, 0).prompts = [
      { at: 0, text: "a" },
      { at: 5 * MINUTE, text: "b" },
    ];
    expect(parseScript(script).phases[0]?.prompts.map((p) => p.at)).toEqual([0, 5 * MINUTE]);
  });

  it("names the field path of a bad prompt time, as in the API's error", () => {
    const error = refusal((s) => {
      phase(s, 2).prompts = [{ at: 10 * MINUTE + 1, text: "late" }];
    });
    expect(error.message).toBe(`phases.2.prompts.0.at: ${AT_MESSAGE}`);
    expect(error.problems).toEqual([{ path: "phases.2.prompts.0.at", message: AT_MESSAGE }]);
  });

  const cases: [string, (s: Record<string, unknown> & Script) => unknown, string][] = [
    [
      "an id with a slash",
      (s) => {
        s.id = "a/b";
      },
      "id",
    ],
    [
      "an id longer than 64 characters",
      (s) => {
        s.id = "a".repeat(65);
      },
      "id",
    ],
    [
      "an empty name",
      (s) => {
        s.name = "   ";
      },
      "name",
    ],
    [
      "no phases",
      (s) => {
        s.phases = [];
      },
      "phases",
    ],
    [
      "31 phases",
      (s) => {
        s.phases = Array.from({ length: 31 }, (_, i) => ({ ...phase(s, 0), id: `p${i}` }));
      },
      "phases",
    ],
    [
      "a duplicate phase id",
      (s) => {
        phase(s, 2).id = "one";
      },
      "phases.2.id",
    ],
    [
      "a phase id with a space",
      (s) => {
        phase(s, 1).id = "two phases";
      },
      "phases.1.id",
    ],
    [
      "a phase under a minute",
      (s) => {
        phase(s, 1).durationMs = MINUTE - 1;
      },
      "phases.1.durationMs",
    ],
    [
      "a phase over 4 hours",
      (s) => {
        phase(s, 0).durationMs = 240 * MINUTE + 1;
      },
      "phases.0.durationMs",
    ],
    [
      "a fractional duration",
      (s) => {
        phase(s, 0).durationMs = 90_000.5;
      },
      "phases.0.durationMs",
    ],
    [
      "an empty title",
      (s) => {
        phase(s, 0).title = "";
      },
      "phases.0.title",
    ],
    [
      "a goal of 301 characters",
      (s) => {
        phase(s, 0).goal = "g".repeat(301);
      },
      "phases.0.goal",
    ],
    [
      "an unknown prompt moment",
      (s) => {
        phase(s, 0).prompts = [{ at: "middle" as "half", text: "x" }];
      },
      "phases.0.prompts.0.at",
    ],
    [
      "a negative prompt offset",
      (s) => {
        phase(s, 0).prompts = [{ at: -1, text: "x" }];
      },
      "phases.0.prompts.0.at",
    ],
    [
      "a fractional prompt offset",
      (s) => {
        phase(s, 0).prompts = [{ at: 1.5, text: "x" }];
      },
      "phases.0.prompts.0.at",
    ],
    [
      "a prompt text of 501 characters",
      (s) => {
        phase(s, 0).prompts = [{ at: "end", text: "t".repeat(501) }];
      },
      "phases.0.prompts.0.text",
    ],
    [
      "21 prompts in a phase",
      (s) => {
        phase(s, 0).prompts = Array.from({ length: 21 }, () => ({ at: "end", text: "x" }));
      },
      "phases.0.prompts",
    ],
    [
      "reveal without private",
      (s) => {
        phase(s, 2).reveal = true;
      },
      "phases.2.reveal",
    ],
    [
      "an unknown phase field",
      (s) => {
        phase(s, 0).colour = "red";
      },
      "phases.0",
    ],
    [
      "card prompts for an unknown kind",
      (s) => {
        s.cardPrompts = { person: ["Who?"] } as Script["cardPrompts"];
      },
      "cardPrompts",
    ],
    [
      "an empty card prompt",
      (s) => {
        s.cardPrompts = { belief: ["ok", ""] };
      },
      "cardPrompts.belief.1",
    ],
    ["something that is not an object", () => "blameless-60", "input"],
  ];

  it.each(cases)("refuses %s, naming the field", (_name, mutate, path) => {
    const error = refusal(mutate);
    expect(error.problems[0]?.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it("reports every bad field at once", () => {
    const error = refusal((s) => {
      s.name = "";
      phase(s, 1).durationMs = 1;
    });
    expect(error.problems.map((p) => p.path).sort()).toEqual(["name", "phases.1.durationMs"]);
  });

  it("exports the schema for request bodies to embed", () => {
    expect(scriptSchema.safeParse(validScript()).success).toBe(true);
    expect(scriptSchema.safeParse({ ...validScript(), phases: [] }).success).toBe(false);
  });
});

describe("the shipped scripts", () => {
  it("are valid, as shipped", () => {
    expect(parseScript(BLAMELESS_60)).toEqual(BLAMELESS_60);
    expect(parseScript(BLAMELESS_30)).toEqual(BLAMELESS_30);
  });

  it("last exactly 60 and 30 minutes", () => {
    expect(scriptTotalMs(BLAMELESS_60)).toBe(60 * MINUTE);
    expect(scriptTotalMs(BLAMELESS_30)).toBe(30 * MINUTE);
  });

  it("follow the blameless arc, with the perspectives written alone and then revealed", () => {
    expect(BLAMELESS_60.phases.map((p) => p.id)).toEqual([
      "stage",
      "timeline",
      "perspectives",
      "walkthrough",
      "factors",
      "close",
    ]);
    for (const script of [BLAMELESS_60, BLAMELESS_30]) {
      const privatePhases = script.phases.filter((p) => p.private);
      expect(privatePhases.map((p) => [p.id, p.reveal])).toEqual([["perspectives", true]]);
    }
    expect(BLAMELESS_30.phases.length).toBeLessThan(BLAMELESS_60.phases.length);
  });

  it("give every phase a goal and 2-5 prompts, the short one no more prompts than the long", () => {
    for (const script of [BLAMELESS_60, BLAMELESS_30]) {
      for (const p of script.phases) {
        expect(p.goal.length).toBeGreaterThan(10);
        expect(p.prompts.length).toBeGreaterThanOrEqual(2);
        expect(p.prompts.length).toBeLessThanOrEqual(5);
      }
    }
    const count = (s: Script) => s.phases.reduce((n, p) => n + p.prompts.length, 0);
    expect(count(BLAMELESS_30)).toBeLessThan(count(BLAMELESS_60));
    const moments = new Set(BLAMELESS_60.phases.flatMap((p) => p.prompts.map((q) => typeof q.at)));
    expect(moments).toEqual(new Set(["string", "number"]));
  });

  it("have 2-4 facilitator questions for every card kind", () => {
    for (const script of [BLAMELESS_60, BLAMELESS_30]) {
      for (const kind of CARD_KINDS) {
        const questions = script.cardPrompts[kind] ?? [];
        expect(questions.length, kind).toBeGreaterThanOrEqual(2);
        expect(questions.length, kind).toBeLessThanOrEqual(4);
      }
    }
    expect(BLAMELESS_60.cardPrompts.action).toContain("What other options were visible then?");
  });
});

describe("the script registry", () => {
  it("serves the default script and the short one", () => {
    expect(DEFAULT_SCRIPT_ID).toBe("blameless-60");
    expect(getScript(DEFAULT_SCRIPT_ID)).toEqual(BLAMELESS_60);
    expect(getScript("blameless-30")).toEqual(BLAMELESS_30);
    expect(Object.keys(SCRIPTS)).toEqual(["blameless-60", "blameless-30"]);
  });

  it("finds nothing for unknown ids, Object.prototype names included", () => {
    expect(getScript("blameless-90")).toBeUndefined();
    expect(getScript("constructor")).toBeUndefined();
    expect(getScript("__proto__")).toBeUndefined();
  });

  it("lists summaries for a picker, the default first", () => {
    const [first, second] = listScripts();
    expect(first).toMatchObject({ id: "blameless-60", totalMs: 60 * MINUTE });
    expect(first?.phases[2]).toEqual({
      id: "perspectives",
      title: "Perspectives",
      durationMs: 10 * MINUTE,
    });
    expect(second).toMatchObject({ id: "blameless-30", totalMs: 30 * MINUTE });
  });

  it("cannot be changed by a caller, since every meeting shares it", () => {
    const prompts = getScript(DEFAULT_SCRIPT_ID)!.phases[0]!.prompts;
    expect(() => prompts.push({ at: "end", text: "x" })).toThrow(TypeError);
    expect(() => {
      getScript(DEFAULT_SCRIPT_ID)!.name = "Renamed";
    }).toThrow(TypeError);
  });
});
