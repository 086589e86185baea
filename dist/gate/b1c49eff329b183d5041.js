module.exports = eval("require")("./tree-worker.ts");
