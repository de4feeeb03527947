package graph

import (
	"fmt"
	"math"
)

// BlockRole names a position's part in the flows between blocks, after
// Burt's typology ("Positions in networks", Social Forces 55, 1976;
// Wasserman and Faust 1994, sec. 10.3), in the names the regional
// spillover literature gives it.
type BlockRole string

const (
	// RoleBidirectionalSpillover keeps at least its expected share of its
	// links inside and hardly receives from other blocks (Burt's isolate).
	RoleBidirectionalSpillover BlockRole = "bidirectional_spillover"
	// RoleNetBenefit keeps at least its expected share inside and receives
	// from other blocks (Burt's primary position).
	RoleNetBenefit BlockRole = "net_benefit"
	// RoleNetSpillover sends most of its links out and hardly receives
	// (Burt's sycophant).
	RoleNetSpillover BlockRole = "net_spillover"
	// RoleBroker sends most of its links out and receives from other
	// blocks (Burt's broker).
	RoleBroker BlockRole = "broker"
	// RoleUndefined marks a block that sends no link, whose internal share
	// is undefined.
	RoleUndefined BlockRole = "undefined"
)

// DefaultReceivedThreshold is the inflow share under which a block
// "hardly receives": 1/3, that is, it receives from the other blocks less
// than half as much as it sends them. Burt's rule reads "about zero"; with
// real flows hardly any block receives exactly nothing, and the spillover
// labels describe a block that emits far more than it takes in, which a
// two-to-one balance captures. Set BlockOptions.ReceivedThreshold to read it
// differently.
const DefaultReceivedThreshold = 1.0 / 3

// BlockOptions tune BlockModel.
type BlockOptions struct {
	// ReceivedThreshold is the inflow share (links received from other
	// blocks over those received from and sent to them) under which a
	// block hardly receives; in (0, 1], 0 meaning
	// DefaultReceivedThreshold.
	ReceivedThreshold float64
	// Weighted counts link weights instead of links, in the flows and the
	// densities.
	Weighted bool
}

// BlockStats are one block's flows and role.
type BlockStats struct {
	Size int `json:"size"`
	// SentInside is the links (or weight) its members send one another,
	// SentOutside those they send to other blocks, ReceivedOutside those
	// they receive from other blocks.
	SentInside      float64 `json:"sent_inside"`
	SentOutside     float64 `json:"sent_outside"`
	ReceivedOutside float64 `json:"received_outside"`
	// ExpectedInternalShare is (g_k - 1)/(g - 1), the share of its links a
	// block of g_k of the g nodes would keep inside if its members linked
	// to all others alike.
	ExpectedInternalShare float64 `json:"expected_internal_share"`
	// InternalShare is SentInside / (SentInside + SentOutside); nil when the
	// block sends nothing.
	InternalShare *float64 `json:"internal_share"`
	// InflowShare is ReceivedOutside / (ReceivedOutside + SentOutside); nil
	// when the block has no link with another block (it then receives
	// nothing, so hardly receives).
	InflowShare *float64 `json:"inflow_share"`
	// Role classifies the block: InternalShare >= ExpectedInternalShare or
	// not, and InflowShare under the threshold (hardly receiving) or not.
	Role BlockRole `json:"role"`
}

// BlockModel is the block structure of a network under a partition.
type BlockModel struct {
	Blocks []BlockStats `json:"blocks"`
	// Density[k][l] is the density of the links from block k to block l:
	// their count (or weight) over the g_k g_l ordered pairs, or the
	// g_k (g_k - 1) inside a block; nil for the inside of a one-node block.
	Density [][]*float64 `json:"density"`
	// NetworkDensity is the density of the whole network on the same scale
	// (links, or weight, over the n(n-1) ordered pairs).
	NetworkDensity float64 `json:"network_density"`
	// Image[k][l] is 1 when Density[k][l] exceeds NetworkDensity, else 0
	// (the alpha-density image; Wasserman and Faust 1994, sec. 10.2).
	Image [][]int `json:"image"`
	// ReceivedThreshold is the threshold the roles were classified with.
	ReceivedThreshold float64 `json:"received_threshold"`
}

// BlockModel computes the flows between the blocks of a partition (block[v]
// in 0..K-1 for every node, every block non-empty; Concor's blocks, for
// example), each block's role, the block density matrix and its image.
// Roles need the direction of the links, so the network must be directed.
// O(n + m + K^2).
func (g *Network) BlockModel(block []int, o BlockOptions) (BlockModel, error) {
	if !g.directed {
		return BlockModel{}, fmt.Errorf("graph: BlockModel: the network is undirected; block roles need directed links")
	}
	threshold := o.ReceivedThreshold
	if threshold == 0 {
		threshold = DefaultReceivedThreshold
	}
	if !(threshold > 0 && threshold <= 1) {
		return BlockModel{}, fmt.Errorf("graph: BlockModel: ReceivedThreshold must lie in (0, 1], got %g", o.ReceivedThreshold)
	}
	sizes, err := blockSizes(block, g.n)
	if err != nil {
		return BlockModel{}, err
	}
	k := len(sizes)
	flow := make([][]float64, k)
	for b := range flow {
		flow[b] = make([]float64, k)
	}
	var total float64
	for _, e := range g.edges {
		w := 1.0
		if o.Weighted {
			w = e.Weight
		}
		flow[block[e.From]][block[e.To]] += w
		total += w
	}
	bm := BlockModel{ReceivedThreshold: threshold, Blocks: make([]BlockStats, k)}
	if g.n > 1 {
		bm.NetworkDensity = total / (float64(g.n) * float64(g.n-1))
	}
	for b := range k {
		bm.Blocks[b] = blockStats(flow, sizes, b, g.n, threshold)
	}
	bm.Density, bm.Image = densities(flow, sizes, bm.NetworkDensity)
	return bm, nil
}

// blockSizes checks the partition and counts each block.
func blockSizes(block []int, n int) ([]int, error) {
	if len(block) != n {
		return nil, fmt.Errorf("graph: BlockModel: block has %d entries for %d nodes", len(block), n)
	}
	var sizes []int
	for v, b := range block {
		if b < 0 || b >= n {
			return nil, fmt.Errorf("graph: BlockModel: block[%d] = %d; blocks are numbered 0..K-1 with K <= %d", v, b, n)
		}
		for len(sizes) <= b {
			sizes = append(sizes, 0)
		}
		sizes[b]++
	}
	for b, s := range sizes {
		if s == 0 {
			return nil, fmt.Errorf("graph: BlockModel: block %d has no node; blocks must be numbered 0..K-1 without gaps", b)
		}
	}
	return sizes, nil
}

func blockStats(flow [][]float64, sizes []int, b, n int, threshold float64) BlockStats {
	s := BlockStats{Size: sizes[b], SentInside: flow[b][b]}
	for l := range flow {
		if l != b {
			s.SentOutside += flow[b][l]
			s.ReceivedOutside += flow[l][b]
		}
	}
	if n > 1 {
		s.ExpectedInternalShare = float64(sizes[b]-1) / float64(n-1)
	}
	if sent := s.SentInside + s.SentOutside; sent > 0 {
		share := s.SentInside / sent
		s.InternalShare = &share
	}
	hardlyReceives := true
	if ext := s.ReceivedOutside + s.SentOutside; ext > 0 {
		share := s.ReceivedOutside / ext
		s.InflowShare = &share
		hardlyReceives = share < threshold
	}
	switch {
	case s.InternalShare == nil:
		s.Role = RoleUndefined
	case *s.InternalShare >= s.ExpectedInternalShare && hardlyReceives:
		s.Role = RoleBidirectionalSpillover
	case *s.InternalShare >= s.ExpectedInternalShare:
		s.Role = RoleNetBenefit
	case hardlyReceives:
		s.Role = RoleNetSpillover
	default:
		s.Role = RoleBroker
	}
	return s
}

// densities returns the block density matrix and its image against the
// network's density.
func densities(flow [][]float64, sizes []int, network float64) ([][]*float64, [][]int) {
	k := len(sizes)
	density := make([][]*float64, k)
	image := make([][]int, k)
	for b := range k {
		density[b] = make([]*float64, k)
		image[b] = make([]int, k)
		for l := range k {
			pairs := float64(sizes[b]) * float64(sizes[l])
			if b == l {
				pairs = float64(sizes[b]) * float64(sizes[b]-1)
			}
			if pairs == 0 {
				continue
			}
			d := flow[b][l] / pairs
			if math.IsInf(d, 0) || math.IsNaN(d) {
				continue
			}
			density[b][l] = &d
			if d > network {
				image[b][l] = 1
			}
		}
	}
	return density, image
}
