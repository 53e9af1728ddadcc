import assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { positionOf, startClient, type Client } from './helper.js';

describe('protocol: hover', () => {
  let client: Client;
  before(async () => (client = await startClient()));
  after(async () => client.stop());

  const hoverText = async (uri: string, text: string, needle: string, delta = 1) => {
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta) });
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
  };

  it('shows a figure value, formula check and where it is defined', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    const value = await hoverText(uri, text, '{持证率 =');
    assert.match(value, /81\.48%/);
    assert.match(value, /持证\/应领证/);
    assert.match(value, /第\d+行/);
    assert.match(await hoverText(uri, text, '持证/应领证', 4), /应领证\*\* = 54人/);
  });

  it('shows a header value and a heading number', async () => {
    const { uri, text } = await client.open('guiwei-2020.bg');
    assert.match(await hoverText(uri, text, '{年度}'), /2020/);
    assert.match(await hoverText(uri, text, '# 完善依法行政制度体系情况', 3), /二、完善依法行政制度体系情况/);
  });

  it('shows the text of an included snippet with parameters filled in', async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    const value = await hoverText(uri, text, '@引用 法律顾问制度', 5);
    assert.match(value, /片段 法律顾问制度/);
    assert.match(value, /2021年，桂圩镇人民政府继续聘请常年法律顾问/);
  });

  it("shows a citation's registry entry: issuer, number, date, validity, successor", async () => {
    const { uri, text } = await client.open('guiwei-2021.bg');
    const current = await hoverText(uri, text, '《法治政府建设实施纲要（2021');
    assert.match(current, /发文机关：中共中央、国务院/);
    assert.match(current, /中发〔2021〕33号/);
    const old = await client.open('guiwei-2020.bg');
    const superseded = await hoverText(old.uri, old.text, '《法治政府建设实施纲要（2015');
    assert.match(superseded, /正式名称：《法治政府建设实施纲要（2015—2020年）》/, 'the hyphenated title is matched to the official one');
    assert.match(superseded, /已被《法治政府建设实施纲要（2021—2025年）》取代/);
  });
});
