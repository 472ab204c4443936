// The IRIS hook catalogue for the objects a processor can follow, from IRIS's
// `create_safe_hooks` (v2.4). Stated once: the prompt, the option parser, the
// templates, the generated runtime and the tests all read it from here.

export const hookObjects = ['case', 'asset', 'note', 'ioc', 'event', 'evidence', 'task', 'global_task'] as const;
export type HookObject = (typeof hookObjects)[number];

export const hookTriggers = ['create', 'update', 'delete', 'manual', 'preload-create', 'preload-update'] as const;
export type HookTrigger = (typeof hookTriggers)[number];

/** What each object is called in the IRIS UI. */
export const objectLabels: Record<HookObject, string> = {
  case: 'case',
  asset: 'asset',
  note: 'note',
  ioc: 'IOC',
  event: 'timeline event',
  evidence: 'evidence',
  task: 'case task',
  global_task: 'global task',
};

/** What a hook hands over: request dicts (pre-load), ids of deleted objects, or the objects themselves. */
export type HookData = 'request' | 'id' | 'row';

/** One processor hook the module follows. */
export interface ProcessorHook {
  object: HookObject;
  trigger: HookTrigger;
  /** IRIS hook name: `on_postload_ioc_create`. */
  hookName: string;
  /** Boolean configuration parameter that switches it on: `tfx_on_postload_ioc_create_enabled`. */
  paramName: string;
  /** Label of the parameter in the IRIS UI. */
  paramHumanName: string;
  /** Whether the switch is on by default (manual triggers only). */
  enabledByDefault: boolean;
  /** Menu label for manual triggers, '' otherwise. */
  menuName: string;
  /** Registered with run_asynchronously=False (pre-load hooks). */
  synchronous: boolean;
  receives: HookData;
  /** What the generated module does with the hook's data, one sentence (README). */
  effect: string;
}

/** What a generated handler reads on each IRIS object (iris-web v2.4 models, contract §7.3). */
export interface IrisObjectFacts {
  object: HookObject;
  /** UI label: `IOC`, `timeline event`. */
  label: string;
  /** SQLAlchemy model IRIS passes to post-load and manual hooks: `Ioc`, `CaseAssets`. */
  model: string;
  /** Primary-key attribute of the model: `ioc_id`, `id`. */
  idAttribute: string;
  /** Attribute that names the object in logs and reports: `ioc_value`, `task_title`. */
  titleAttribute: string;
  /** Comma-separated tags column, '' when the model has none (cases hold tags as a relation). */
  tagsAttribute: string;
  /** Whether the model has `custom_attributes`, the only place a report tab can go. */
  hasCustomAttributes: boolean;
  /** Key of the request JSON (pre-load hooks) that holds the same text as `titleAttribute`. */
  requestTitleKey: string;
}

export const irisObjects: Record<HookObject, IrisObjectFacts> = {
  case: { object: 'case', label: objectLabels.case, model: 'Cases', idAttribute: 'case_id', titleAttribute: 'name', tagsAttribute: '', hasCustomAttributes: true, requestTitleKey: 'case_name' },
  asset: { object: 'asset', label: objectLabels.asset, model: 'CaseAssets', idAttribute: 'asset_id', titleAttribute: 'asset_name', tagsAttribute: 'asset_tags', hasCustomAttributes: true, requestTitleKey: 'asset_name' },
  note: { object: 'note', label: objectLabels.note, model: 'Notes', idAttribute: 'note_id', titleAttribute: 'note_title', tagsAttribute: '', hasCustomAttributes: true, requestTitleKey: 'note_title' },
  ioc: { object: 'ioc', label: objectLabels.ioc, model: 'Ioc', idAttribute: 'ioc_id', titleAttribute: 'ioc_value', tagsAttribute: 'ioc_tags', hasCustomAttributes: true, requestTitleKey: 'ioc_value' },
  event: { object: 'event', label: objectLabels.event, model: 'CasesEvent', idAttribute: 'event_id', titleAttribute: 'event_title', tagsAttribute: 'event_tags', hasCustomAttributes: true, requestTitleKey: 'event_title' },
  evidence: { object: 'evidence', label: objectLabels.evidence, model: 'CaseReceivedFile', idAttribute: 'id', titleAttribute: 'filename', tagsAttribute: '', hasCustomAttributes: true, requestTitleKey: 'filename' },
  task: { object: 'task', label: objectLabels.task, model: 'CaseTasks', idAttribute: 'id', titleAttribute: 'task_title', tagsAttribute: 'task_tags', hasCustomAttributes: true, requestTitleKey: 'task_title' },
  global_task: { object: 'global_task', label: objectLabels.global_task, model: 'GlobalTasks', idAttribute: 'id', titleAttribute: 'task_title', tagsAttribute: 'task_tags', hasCustomAttributes: false, requestTitleKey: 'task_title' },
};

/** IRIS hook name of an object:trigger pair, or undefined when IRIS has no such hook. */
export function irisHookName(object: HookObject, trigger: HookTrigger): string | undefined {
  switch (trigger) {
    case 'create':
      return `on_postload_${object}_create`;
    case 'update':
      return `on_postload_${object}_update`;
    case 'delete':
      return `on_postload_${object}_delete`;
    case 'manual':
      return `on_manual_trigger_${object}`;
    case 'preload-create':
      return `on_preload_${object}_create`;
    case 'preload-update':
      // IRIS fires no pre-load hook when a case is updated.
      return object === 'case' ? undefined : `on_preload_${object}_update`;
  }
}

/** Every valid `object:trigger` pair, in catalogue order. */
export const hookPairs: readonly string[] = hookObjects.flatMap((object) =>
  hookTriggers.filter((trigger) => irisHookName(object, trigger) !== undefined).map((trigger) => `${object}:${trigger}`),
);

/** The official modules' trio: create, update and a manual menu on IOCs. */
export const defaultHookPairs = ['ioc:create', 'ioc:update', 'ioc:manual'] as const;

function describeTrigger(trigger: HookTrigger): string {
  switch (trigger) {
    case 'create':
      return 'created';
    case 'update':
      return 'updated';
    case 'delete':
      return 'deleted';
    case 'manual':
      return 'picked from its menu by an analyst';
    case 'preload-create':
      return 'about to be created (pre-load, synchronous)';
    case 'preload-update':
      return 'about to be updated (pre-load, synchronous)';
  }
}

/**
 * What `data` holds for a hook, per IRIS's call sites. For a deleted global task,
 * IRIS 2.4 passes the JSON of the delete request rather than an id; the module
 * treats it as a deletion all the same.
 */
function receives(trigger: HookTrigger): HookData {
  if (trigger === 'preload-create' || trigger === 'preload-update') return 'request';
  if (trigger === 'delete') return 'id';
  return 'row';
}

/** What the generated module does with a hook's data: one sentence, for the module's README. */
function effect(object: HookObject, trigger: HookTrigger): string {
  const facts = irisObjects[object];
  if (trigger === 'preload-create' || trigger === 'preload-update') {
    return `Runs inside the analyst's request, before IRIS saves the ${facts.label}: \`check_${object}_request\` may change the request, which IRIS saves in place of what was sent.`;
  }
  if (trigger === 'delete') {
    return object === 'global_task'
      ? "Calls `on_global_task_deleted` with the delete request's body (IRIS 2.4 passes no id for global tasks)."
      : `Calls \`on_${object}_deleted\` with the id of the deleted ${facts.label}.`;
  }
  const lookup =
    object === 'ioc'
      ? "Looks each IOC up with the handler's `lookup_<family>` for its type (IOCs above the maximum TLP, and of families without a lookup, are skipped)"
      : `Looks each ${facts.label} up with the handler's \`enrich_${object}\``;
  const writes = [
    ...(facts.hasCustomAttributes ? ['a report tab'] : []),
    ...(facts.tagsAttribute !== '' ? ['tags'] : []),
  ];
  return writes.length > 0
    ? `${lookup}, and writes ${writes.join(' and ')} on those the service answered for.`
    : `${lookup} (a ${facts.label} has no report tab nor tags to write).`;
}

/**
 * The hooks a processor registers for the chosen pairs.
 * @param menuNames label of the manual menu per object (already defaulted)
 */
export function processorHooks(
  pairs: readonly string[],
  paramPrefix: string,
  menuNames: Partial<Record<HookObject, string>>,
): ProcessorHook[] {
  return pairs.map((pair) => {
    const [object, trigger] = pair.split(':') as [HookObject, HookTrigger];
    const hookName = irisHookName(object, trigger)!;
    return {
      object,
      trigger,
      hookName,
      paramName: `${paramPrefix}${hookName}_enabled`,
      paramHumanName: `Run when ${/^[aeiouAEIOU]/.test(objectLabels[object]) ? 'an' : 'a'} ${objectLabels[object]} is ${describeTrigger(trigger)}`,
      enabledByDefault: trigger === 'manual',
      menuName: trigger === 'manual' ? (menuNames[object] ?? '') : '',
      synchronous: trigger.startsWith('preload-'),
      receives: receives(trigger),
      effect: effect(object, trigger),
    };
  });
}
