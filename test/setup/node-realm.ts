// Jest runs each test file in a vm context whose Symbol has no `dispose` (Node adds Symbol.dispose to the
// main realm only, as Symbol.for('nodejs.dispose')). undici, under jsforce, calls
// events.addAbortListener(...)[Symbol.dispose]: without this line every jsforce request fails in Jest with
// "removeAbortListener is not a function". Outside Jest nothing needs it.
const symbols = Symbol as unknown as { dispose?: symbol; asyncDispose?: symbol };
symbols.dispose ??= Symbol.for('nodejs.dispose');
symbols.asyncDispose ??= Symbol.for('nodejs.asyncDispose');
