// Every example app synthesizes, matches its snapshot, and fits the provider schema.
import { App } from 'cdktf';
import { synthesize as existingDestination } from '../examples/existing-destination/main';
import { synthesize as newDestination } from '../examples/new-destination/main';
import { synthesize as obsInventory } from '../examples/obs-inventory/main';
import { synthesize as oneOffJob } from '../examples/one-off-job/main';
import { schemaProblems, synthApp } from './support/synth';

const EXAMPLES: Record<string, (app: App) => App> = {
  'new-destination': newDestination,
  'existing-destination': existingDestination,
  'one-off-job': oneOffJob,
  'obs-inventory': obsInventory,
};

describe.each(Object.entries(EXAMPLES))('example %s', (_name, synthesize) => {
  const stacks = synthApp(synthesize(new App({ skipValidation: false })));

  test('matches its snapshot', () => {
    expect(stacks).toMatchSnapshot();
  });

  test('every resource fits the provider schema', () => {
    for (const stack of Object.values(stacks)) expect(schemaProblems(stack)).toEqual([]);
  });
});
