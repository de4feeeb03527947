# Independent hand calculation for composite/hand_test.go (python3 stdlib only).
from fractions import Fraction as F
import math, statistics
A=[2,4,6,10]; B=[30,10,20,40]; C=[8,2,5,6]; D=[1,2,4,5]
def mm(x, cost=False):
    lo,hi=min(x),max(x)
    return [F(hi-v,hi-lo) if cost else F(v-lo,hi-lo) for v in x]
X={'A':mm(A),'B':mm(B),'-C':mm(C,True),'D':mm(D)}
for k,v in X.items(): print(k,'x\'=',[str(f) for f in v])
def ent(cols):
    n=len(cols[0]); e=[]
    for c in cols:
        s=sum(c); p=[v/s for v in c]
        print('  p=',[str(q) for q in p])
        e.append(-sum(float(q)*math.log(q) for q in p if q>0)/math.log(n))
    d=[1-x for x in e]; w=[x/sum(d) for x in d]
    return e,d,w
names=['A','B','-C']
cols=[X[k] for k in names]
e,d,w=ent(cols)
print('e=',[repr(x) for x in e]); print('d=',[repr(x) for x in d]); print('w=',[repr(x) for x in w])
idx=[100*sum(w[j]*float(cols[j][i]) for j in range(3)) for i in range(4)]
print('index=',[repr(x) for x in idx])
V=[[w[j]*float(cols[j][i]) for j in range(3)] for i in range(4)]
vp=[max(V[i][j] for i in range(4)) for j in range(3)]; vm=[min(V[i][j] for i in range(4)) for j in range(3)]
dp=[math.sqrt(sum((V[i][j]-vp[j])**2 for j in range(3))) for i in range(4)]
dm=[math.sqrt(sum((V[i][j]-vm[j])**2 for j in range(3))) for i in range(4)]
print('D+=',[repr(x) for x in dp]); print('D-=',[repr(x) for x in dm]); print('C=',[repr(dm[i]/(dp[i]+dm[i])) for i in range(4)])
# CRITIC
sd=[statistics.stdev([float(v) for v in c]) for c in cols]
r=[[statistics.correlation([float(v) for v in a],[float(v) for v in b]) for b in cols] for a in cols]
conf=[sum(1-r[j][k] for k in range(3)) for j in range(3)]
info=[sd[j]*conf[j] for j in range(3)]
print('sd=',[repr(x) for x in sd]); print('r=',[[repr(x) for x in row] for row in r]); print('conflict=',[repr(x) for x in conf]); print('critic w=',[repr(x/sum(info)) for x in info])
# coupling innovation: A,B ; economy: -C,D
U=[]
for sub in (['A','B'],['-C','D']):
    cs=[X[k] for k in sub]; e,d,w=ent(cs)
    print(sub,'e=',[repr(x) for x in e],'w=',[repr(x) for x in w])
    U.append([sum(w[j]*float(cs[j][i]) for j in range(2)) for i in range(4)])
print('U1=',[repr(x) for x in U[0]]); print('U2=',[repr(x) for x in U[1]])
for i in range(4):
    u1,u2=U[0][i],U[1][i]
    if u1+u2==0: print(i,'C undefined T=0 D=0'); continue
    c=2*math.sqrt(u1*u2/(u1+u2)**2); t=(u1+u2)/2; dd=math.sqrt(c*t)
    print(i,'C=',repr(c),'T=',repr(t),'D=',repr(dd))
