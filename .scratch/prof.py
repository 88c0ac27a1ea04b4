import json,glob,collections
f=glob.glob('*.cpuprofile')[0]
p=json.load(open(f))
nodes={n['id']:n for n in p['nodes']}
self_t=collections.Counter()
dt=p['timeDeltas']
for s,d in zip(p['samples'],dt):
    n=nodes[s]; cf=n['callFrame']
    self_t[(cf['functionName'],cf['url'].split('/')[-1],cf['lineNumber'])]+=d
tot=sum(dt)
for k,v in self_t.most_common(30): print(f"{v/1000:8.1f}ms {k}")
print(tot/1000)
