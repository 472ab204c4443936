import assert from 'node:assert/strict';
import { positionalArguments } from '../../generators/lib/arguments.js';

describe('positional arguments', () => {
  const options = [
    { name: 'yes', type: Boolean, alias: 'y' },
    { name: 'keyword', type: String },
  ];

  it('keeps number-like words as typed', () => {
    assert.deepEqual(positionalArguments(['09', '1e3', '0x1f', '1.50'], options), ['09', '1e3', '0x1f', '1.50']);
  });

  it('does not take option values or flags for positional arguments', () => {
    assert.deepEqual(positionalArguments(['--keyword', '07', '-y', '09', '--yes'], options), ['09']);
    assert.deepEqual(positionalArguments(['--yes', '09'], options), ['09']);
  });
});
