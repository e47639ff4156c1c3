import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../shared/api";
import { formProblem, humanSentence } from "../../../../renderer/src/ui/field-errors";
import { errorMessage } from "../../../../renderer/src/ui/format";

describe("a failed call's sentences go to the form's fields", () => {
  const FORM = ["folder", "labels", "priceSol", "deadlineDays"];

  it("each issue lands on its field (labels.1 on labels), the first per field; none left over", () => {
    const error = new ApiError("invalid_input", "first", [
      { path: "priceSol", message: "“0,005” is not a price in SOL." },
      { path: "labels.1", message: "The label “x” is too long." },
      { path: "labels.2", message: "The label “y” is too long." },
      { path: "deadlineDays", message: "The deadline must be at least 1 day away." },
    ]);
    const problem = formProblem(error, FORM);
    expect(Object.fromEntries(problem.fields)).toEqual({
      priceSol: "“0,005” is not a price in SOL.",
      labels: "The label “x” is too long.",
      deadlineDays: "The deadline must be at least 1 day away.",
    });
    expect(problem.general).toBeNull();
  });

  it("an issue no field of this form shows becomes the one general sentence", () => {
    const error = new ApiError("invalid_input", "x", [
      { path: "kinds.0", message: "this must be one of: box" },
      { path: "priceSol", message: "Bad price." },
    ]);
    const problem = formProblem(error, FORM);
    expect(problem.general).toBe("This must be one of: box.");
    expect(problem.fields.get("priceSol")).toBe("Bad price.");
  });

  it("an error with no fields is one sentence without a channel prefix", () => {
    const problem = formProblem(new ApiError("unavailable", "requester:create: the chain cannot be reached"), FORM);
    expect(problem.fields.size).toBe(0);
    expect(problem.general).toBe("The chain cannot be reached.");
    expect(formProblem(new Error("keys:import: settings:get: boom"), FORM).general).toBe("Boom.");
  });

  it("humanSentence keeps a finished sentence as it is", () => {
    expect(humanSentence("Choose a folder.")).toBe("Choose a folder.");
    expect(humanSentence("/tmp/x is not a folder")).toBe("/tmp/x is not a folder.");
    expect(humanSentence("")).toMatch(/^[A-Z].*\.$/);
  });
});

describe("errors the pages compose into their own sentences", () => {
  it("are whole sentences without a channel prefix, whatever core or the browser threw", () => {
    expect(errorMessage(new ApiError("unavailable", "market:accept: the chain cannot be reached"))).toBe(
      "The chain cannot be reached.",
    );
    expect(errorMessage(new Error("The source image could not be decoded."))).toBe(
      "The source image could not be decoded.",
    );
    expect(errorMessage("")).toBe("Something went wrong; nothing was changed.");
    // A page writes "Your tasks could not be read. <sentence>": both halves read as sentences.
    expect(`Your tasks could not be read. ${errorMessage(new ApiError("unavailable", "no gateway"))}`).toBe(
      "Your tasks could not be read. No gateway.",
    );
  });
});
