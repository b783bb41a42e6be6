# The seed notebook (shared/seed/000_128262312e908de6.txt, "Experiment 1"), as plain PyTorch code, for
# dev/benchmark.sh --versus-pytorch: the yardstick the package's main job is timed against.
# Everything the notebook computes is computed here, in its order: phase 1 (10 epochs, test accuracy
# after each), phase 2 (20 epochs; after each, the activations of the whole training set, the 49
# ablations, the directions and the two plots), then the weight analysis and its plots.
# The few lines that are not the notebook's are marked "# HARNESS": reading MNIST from a local
# folder instead of downloading it, a seed, plots saved to files instead of shown, the wall time.
#
#   python3 dev/pytorch/seed_notebook.py MNIST_FOLDER OUT_FOLDER [SEED]
#
# MNIST_FOLDER holds the four original IDX files (train-images-idx3-ubyte, ...).
import os  # HARNESS
import sys  # HARNESS
import tempfile  # HARNESS
import time  # HARNESS

import matplotlib  # HARNESS

matplotlib.use("Agg")  # HARNESS: no display

### import packages
# ml/nn
import torch
import torch.nn as nn  # all neural network modules
import torch.nn.functional as F  # Functions with no parameters -> activation functions
import torch.optim as optim  # optimization algo
from torch.utils.data import DataLoader  # easier dataset management, helps create mini batches
from torch.utils.data import random_split  # set train-test ratio

# import torchvision
import torchvision.datasets as datasets  # standard datasets
import torchvision.transforms as transforms  # this for convert dataset to tensor
from torchvision.utils import make_grid  # this for visualization

# stats/ml #1
import numpy as np
import matplotlib.pyplot as plt

# stats/ml #2
from sklearn import metrics
from sklearn import decomposition
from sklearn import manifold

started = time.time()  # HARNESS
mnist_folder, out_folder = sys.argv[1], sys.argv[2]  # HARNESS
torch.manual_seed(int(sys.argv[3]) if len(sys.argv) > 3 else 1)  # HARNESS
os.makedirs(out_folder, exist_ok=True)  # HARNESS
figures = [0]  # HARNESS


def show():  # HARNESS: plt.show() in a notebook; here the figure goes to a file
    figures[0] += 1  # HARNESS
    plt.savefig(os.path.join(out_folder, "figure-%02d.png" % figures[0]))  # HARNESS
    plt.close("all")  # HARNESS


# HARNESS: torchvision's MNIST reads root/MNIST/raw/<the IDX files>; link the local files there
root = tempfile.mkdtemp()  # HARNESS
os.makedirs(os.path.join(root, "MNIST", "raw"))  # HARNESS
for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",  # HARNESS
             "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]:  # HARNESS
    os.symlink(os.path.abspath(os.path.join(mnist_folder, name)),  # HARNESS
               os.path.join(root, "MNIST", "raw", name))  # HARNESS

### set device
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device)

### Define all parameters
# later these will be inserted at the beginning as args
# fixed
batch_size = 64
input_size = 784
num_classes = 10
hidden_size2 = 2
# variable
hidden_size = 49
lr1 = 0.001  # lr for opt1
lr2 = 0.0001  # lr for opt2 # 0.001, or etc
num_epochs1 = 10
num_epochs2 = 20


### define original functions
def norm_point(x, y):
    # Calculate the length of the vector
    length = np.sqrt(x**2 + y**2)
    # Check where length is 0
    zero_mask = length == 0  # Boolean mask for elements where length is 0
    # Initialize normalized coordinates
    x_norm = np.zeros_like(x)
    y_norm = np.zeros_like(y)
    # Perform normalization only where length != 0
    x_norm[~zero_mask] = x[~zero_mask] / length[~zero_mask]
    y_norm[~zero_mask] = y[~zero_mask] / length[~zero_mask]
    # For dimensions where length == 0, retain the original values
    x_norm[zero_mask] = x[zero_mask]
    y_norm[zero_mask] = y[zero_mask]
    return x_norm, y_norm


### implement two single FC NN models
class lin_model(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(lin_model, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)  # input: 28x28=784, hidden: 7x7=49
        self.fc2 = nn.Linear(hidden_size, num_classes)  # hidden: 49, num_classes: 10

    def forward(self, x):
        x = self.fc1(x)  # 784->49
        x = torch.tanh(x)  # range within [-1:1]
        x_h = F.relu(x)  # add non-linearity
        x = self.fc2(x_h)  # 49->10
        return x, x_h


class ae_model(nn.Module):
    def __init__(self, input_size, hidden_size, num_classes):
        super(ae_model, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)  # input: 49, target_dim: 2
        self.fc2 = nn.Linear(hidden_size, input_size)  # input: 2, target_dim: 49

    def forward(self, x):
        x = self.fc1(x)  # 49->2
        x_2d = torch.tanh(x)  # range within [-1:1]
        x = self.fc2(x_2d)  # 2->49
        x = torch.tanh(x)  # range within [-1:1]
        x = F.relu(x)  # simulate lin_model's process
        return x, x_2d


### define datasets
# load dataset (HARNESS: root is the local folder above, and download=False)
train_dataset = datasets.MNIST(root=root, train=True, transform=transforms.ToTensor(), download=False)
train_loader = DataLoader(dataset=train_dataset, batch_size=batch_size, shuffle=True)
test_dataset = datasets.MNIST(root=root, train=False, transform=transforms.ToTensor(), download=False)
test_loader = DataLoader(dataset=test_dataset, batch_size=batch_size, shuffle=True)

### initialize model, loss, optimizer
m1 = lin_model(input_size=input_size, hidden_size=hidden_size, num_classes=num_classes).to(device)
m2 = ae_model(input_size=hidden_size, hidden_size=hidden_size2, num_classes=num_classes).to(device)
# Loss and Optimizer
criterion1 = nn.CrossEntropyLoss()
criterion2 = nn.MSELoss()
opt1 = optim.Adam(m1.parameters(), lr=lr1)
opt2 = optim.Adam(m2.parameters(), lr=lr2)

### train and validaiton
num_epochs1 = 10
num_epochs2 = 20
###
### phase 1: prepare trained weights with larger dim
###
# training lin model
for epoch in range(num_epochs1):
    # Training
    for batch_idx, (data, targets) in enumerate(train_loader):
        # reshape [batch, 1, 28,28] to [batch, 28*28]
        data = data.reshape(-1, 28 * 28)
        # Step 1: Forward pass through model1
        out1, h1 = m1(data)  # out1:[batch, 10] as 10 class, h1:[batch, 49] as 49 latent
        # Step 4: Compute loss1 and update model1
        loss1 = criterion1(out1, targets)
        opt1.zero_grad()
        loss1.backward()
        opt1.step()
    num_correct = 0
    num_samples = 0
    # Validation
    with torch.no_grad():
        for batch_idx, (data, targets) in enumerate(test_loader):
            data = data.reshape(-1, 28 * 28)
            out1, _ = m1(data)
            _, predictions = out1.max(1)
            num_correct += (predictions == targets).sum()
            num_samples += predictions.size(0)
    accuracy = num_correct / num_samples
    print(f"Epoch [{epoch+1}/{num_epochs1}], loss1: {loss1.item():.4f}, accuracy: {accuracy.item():.4f}")

###
### phase 2: train AE model weights with 2 dim
###
# training ae model and visualize results
for epoch in range(num_epochs2):
    # Training autoencoder model
    for batch_idx, (data, targets) in enumerate(train_loader):
        # reshape [batch, 1, 28,28] to [batch, 28*28]
        data = data.reshape(-1, 28 * 28)
        with torch.no_grad():
            _, h1 = m1(data)  # out1:[batch, 10] as 10 class, h1:[batch, 49] as 49 latent
        h1_clone = h1.detach()
        out2, _ = m2(h1_clone)  # 49 -> 2 -> 49
        loss2 = criterion2(out2, h1_clone)
        opt2.zero_grad()
        loss2.backward()
        opt2.step()

    # visualization
    with torch.no_grad():
        # Collecting data # lin model
        for batch_idx, (data, targets) in enumerate(train_loader):
            data = data.reshape(-1, 28 * 28)
            _, h1 = m1(data)
            if batch_idx == 0:
                target_h1 = h1
            else:
                target_h1 = torch.vstack((target_h1, h1))
        # Collecting data # ae model
        reconstruct_target_h1, h2_2d = m2(target_h1)
        # Collecting data # original loss
        target_loss2_orig = criterion2(reconstruct_target_h1, target_h1)

        # Importance and xy2d coord calculation
        batch_size, large_model_dim = target_h1.shape
        importance = []
        target_dim_2d = []
        for one_dim in range(large_model_dim):
            # importance
            h1_perturb = target_h1.clone()
            h1_perturb[:, one_dim] = 0.0
            reconstruct_h1_perturb, _ = m2(h1_perturb)
            loss2_perturb = criterion2(reconstruct_h1_perturb, target_h1)
            importance.append(loss2_perturb - target_loss2_orig)
            # xy_2d
            target_h1_one_dim = torch.zeros_like(target_h1, dtype=torch.float)  # batch, larger dim
            target_h1_one_dim[:, one_dim] = target_h1[:, one_dim]
            _, target_h1_2d = m2(target_h1_one_dim)
            target_dim_2d.append(target_h1_2d.mean(axis=0))
        # HARNESS: np.array(target_dim_2d) in the notebook; this numpy wants the tensors as arrays
        target_dim_2d = np.array([t.numpy() for t in target_dim_2d])  # HARNESS

        # calculate importance according to contribution to MSE loss
        importance = np.array([imp / sum(importance) for imp in importance])
        importance_norm = (importance - np.min(importance)) / (np.max(importance) - np.min(importance))

        # compute xy_coordinates
        # use raw xy2d with unrestricted magnitude vector as it is
        xy_coord = importance_norm[:, np.newaxis] * target_dim_2d
        x_coord = xy_coord[:, 0]
        y_coord = xy_coord[:, 1]
        # set a magnitude of xy2d with 1
        x_coord_norm, y_coord_norm = norm_point(target_dim_2d[:, 0], target_dim_2d[:, 1])
        x_coord_norm = x_coord_norm * importance_norm
        y_coord_norm = y_coord_norm * importance_norm

        # graph visualization
        fig, ax = plt.subplots(1, 2, figsize=(7, 3))
        for i in range(len(x_coord)):
            ax[0].scatter(x_coord[i], y_coord[i])
            ax[0].plot([0, x_coord[i]], [0, y_coord[i]])
            ax[1].scatter(x_coord_norm[i], y_coord_norm[i])
            ax[1].plot([0, x_coord_norm[i]], [0, y_coord_norm[i]])
        ax[0].title.set_text(f"imp * len=flex")
        ax[0].axhline(0, color="gray", linestyle="--", linewidth=0.5)
        ax[0].axvline(0, color="gray", linestyle="--", linewidth=0.5)
        ax[1].title.set_text(f"imp * len=fix1")
        ax[1].axhline(0, color="gray", linestyle="--", linewidth=0.5)
        ax[1].axvline(0, color="gray", linestyle="--", linewidth=0.5)
        plt.tight_layout()
        show()  # HARNESS: plt.show()
    print(f"Epoch [{epoch+1}/{num_epochs2}], loss2: {loss2.item():.4f}")

### demonstrate wT*w, W-norm, cos sim distance
with torch.no_grad():
    w1 = m2.fc1.weight.detach().numpy()
    w2 = m2.fc2.weight.detach().numpy()
    b1 = m2.fc1.bias.detach().numpy()
    b2 = m2.fc2.bias.detach().numpy()

# Sort the columns of 'a' based on importance
sorted_indices = np.argsort(importance_norm)[::-1]
w1_sorted = w1[:, sorted_indices]
w2_sorted = w2[sorted_indices, :]
b2_sorted = b2[sorted_indices][::-1]
w1_sorted_t = w1_sorted.T
mask_range = np.array(range(len(w1_sorted_t)))
w1_cos_sim = []
w2_cos_sim = []
for i in range(len(w1_sorted_t)):
    w1_sorted_t_target = w1_sorted_t[i]
    idx_mask = mask_range == i
    w1_sorted_t_ref = w1_sorted_t[~idx_mask]
    cos_sim1 = ((w1_sorted_t_target @ w1_sorted_t_ref.T) ** 2).sum()
    w1_cos_sim.append(cos_sim1)
    w2_sorted_target = w2_sorted[i]
    idx_mask = mask_range == i
    w2_sorted_ref = w2_sorted[~idx_mask]
    cos_sim2 = ((w2_sorted_ref @ w2_sorted_target) ** 2).sum()
    w2_cos_sim.append(cos_sim2)
w1_cos_dis = np.array(w1_cos_sim)
w2_cos_dis = np.array(w2_cos_sim)
x = w1_sorted.T[:, 0]
y = w1_sorted.T[:, 1]
w_norm = np.sqrt(x**2 + y**2)
wtw = w2_sorted @ w1_sorted
wtw_clone = wtw.copy()
thres = np.percentile(wtw_clone, [99])
wtw_clone[wtw_clone < thres] = 0.0
fig, ax = plt.subplots(1, 5, figsize=((13, 3)))
ax[0].plot(w_norm)  # ||Wi||
ax[1].plot(b2_sorted)  # b
ax[2].plot(w1_cos_dis)  # cos sim
pos1 = ax[3].imshow(wtw)
pos2 = ax[4].imshow(wtw_clone)
ax[0].title.set_text(f"||$W_{'i'}$||")
ax[1].title.set_text(f"b")
ax[2].title.set_text(f"cos sim")
ax[3].title.set_text(f"$W^TW$")
ax[4].title.set_text(f"$W^TW$, top1%")
fig.colorbar(pos1)
fig.colorbar(pos2)
plt.tight_layout()
show()  # HARNESS: plt.show()

pos = plt.imshow(wtw_clone[:5, :5])
plt.colorbar(pos)
plt.title(f"$W^TW$, 5x5, top1%")
show()  # HARNESS: plt.show()
print("wall seconds: %.1f" % (time.time() - started))  # HARNESS
